// The command table: every subcommand and flag fnmon accepts, as data.
// Parsing (args.ts) and help text (help.ts) are both generated from it.

export interface OptionSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  multiple?: boolean;
  /** Placeholder shown in help, e.g. DUR or URL. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec[];
  /** Positional arguments: how many are accepted and what they are called in help. */
  positionals?: { min: number; max: number; names: string };
}

export const CONNECTION_OPTIONS: OptionSpec[] = [
  { name: 'apihost', type: 'string', value: 'URL', description: 'OpenWhisk API host (or FNMON_APIHOST)' },
  { name: 'auth', type: 'string', value: 'UUID:KEY', description: 'namespace credential (or FNMON_AUTH)' },
  { name: 'namespace', type: 'string', value: 'NS', description: 'namespace or DigitalOcean label (default: the credential’s own)' },
  { name: 'context', type: 'string', value: 'NAME', description: 'a context from config.yaml instead of its current-context' },
  { name: 'insecure', type: 'boolean', description: 'allow plain http to a non-loopback host' },
];

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h', type: 'boolean', description: 'show help' },
  { name: 'version', short: 'V', type: 'boolean', description: 'print the version' },
];

const FILTER_OPTIONS: OptionSpec[] = [
  {
    name: 'function',
    short: 'f',
    type: 'string',
    multiple: true,
    value: 'NAME',
    description: 'only this function: pkg/fn, fn or a glob like billing/* (repeatable)',
  },
  {
    name: 'status',
    type: 'string',
    multiple: true,
    value: 'S',
    description: 'success|failed|app-error|dev-error|internal|timeout|cold (repeatable)',
  },
];

const OUTPUT_OPTION: OptionSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  value: 'text|json',
  description: 'output format (default text)',
};

const PROJECT_OPTION: OptionSpec = {
  name: 'project',
  type: 'string',
  value: 'DIR',
  description: 'where project.yml is, for parameter defaults (default: the current directory)',
};

const READ_ONLY_OPTION: OptionSpec = { name: 'read-only', type: 'boolean', description: 'never invoke functions' };

export const MONITOR: CommandSpec = {
  name: 'monitor',
  summary: 'the interactive monitor (default when stdout is a terminal)',
  usage: 'fnmon [--demo] [connection options]',
  options: [
    { name: 'demo', type: 'boolean', description: 'run on a built-in emulator with demo traffic' },
    { name: 'seed', type: 'string', value: 'N', description: 'demo traffic seed' },
    { name: 'poll', type: 'string', value: 'DUR', description: 'fastest poll interval (default 1s)' },
    READ_ONLY_OPTION,
    PROJECT_OPTION,
    ...CONNECTION_OPTIONS,
  ],
};

export const SUBCOMMANDS: CommandSpec[] = [
  {
    name: 'tail',
    summary: 'stream activations as text or JSON lines (default when stdout is not a terminal)',
    usage: 'fnmon tail [filters] [--output json] [--logs] [--since DUR|ISO] [--no-follow]',
    options: [
      ...FILTER_OPTIONS,
      OUTPUT_OPTION,
      { name: 'raw', type: 'boolean', description: 'with --output json: records exactly as the API returned them' },
      { name: 'logs', type: 'boolean', description: 'include log lines, and forwarded ones (LOG_DESTINATIONS)' },
      { name: 'since', type: 'string', value: 'DUR|ISO', description: 'print history from then on first' },
      { name: 'no-follow', type: 'boolean', description: 'print history and exit' },
      { name: 'exit-after', type: 'string', value: 'DUR', description: 'stop after this long' },
      { name: 'count', type: 'string', value: 'N', description: 'stop after N activations' },
      { name: 'poll', type: 'string', value: 'DUR', description: 'fastest poll interval (default 1s)' },
      {
        name: 'project',
        type: 'string',
        value: 'DIR',
        description: "where project.yml is, for its functions' LOG_DESTINATIONS (default: the current directory)",
      },
      ...CONNECTION_OPTIONS,
    ],
  },
  {
    name: 'get',
    summary: 'print one full activation record',
    usage: 'fnmon get ID [--output json]',
    options: [OUTPUT_OPTION, ...CONNECTION_OPTIONS],
    positionals: { min: 1, max: 1, names: 'ID' },
  },
  {
    name: 'logs',
    summary: 'print the logs of one activation',
    usage: 'fnmon logs ID',
    options: [...CONNECTION_OPTIONS],
    positionals: { min: 1, max: 1, names: 'ID' },
  },
  {
    name: 'invoke',
    summary: 'invoke a function with parameters',
    usage: 'fnmon invoke PKG/FN [-p KEY=VALUE]... [--params FILE] [--no-wait] [--output json]',
    options: [
      {
        name: 'param',
        short: 'p',
        type: 'string',
        multiple: true,
        value: 'K=V',
        description: 'a parameter; VALUE is JSON when it parses (3, true, {"a":1}), else text (repeatable)',
      },
      { name: 'params', type: 'string', value: 'FILE', description: 'parameters from a YAML or JSON file' },
      PROJECT_OPTION,
      { name: 'no-wait', type: 'boolean', description: 'do not wait for the result: print the activation id' },
      OUTPUT_OPTION,
      READ_ONLY_OPTION,
      ...CONNECTION_OPTIONS,
    ],
    positionals: { min: 1, max: 1, names: 'PKG/FN' },
  },
  {
    name: 'stats',
    summary: 'per-function statistics over recent activations',
    usage: 'fnmon stats [--since DUR|ISO] [--sort COLUMN] [--errors] [--output json]',
    options: [
      {
        name: 'since',
        type: 'string',
        value: 'DUR|ISO',
        description: 'window: activations started since then (default 15m)',
      },
      {
        name: 'sort',
        type: 'string',
        value: 'COLUMN',
        description: 'function|calls|errors|timeouts|cold|p50|p95|p99|wait|init|gbs|near (default calls)',
      },
      { name: 'errors', type: 'boolean', description: 'also group failures by error message (fetches full records)' },
      OUTPUT_OPTION,
      ...CONNECTION_OPTIONS,
    ],
  },
  {
    name: 'emulator',
    summary: 'run the built-in OpenWhisk + DO API emulator',
    usage: 'fnmon emulator [--port N] [--seed N] [--rate R] [--burst N@EVERY] [--faults SPEC] ...',
    options: [
      { name: 'host', type: 'string', value: 'ADDR', description: 'listen address (default 127.0.0.1)' },
      { name: 'port', type: 'string', value: 'N', description: 'port, 0 = any free port (default 0)' },
      { name: 'seed', type: 'string', value: 'N', description: 'workload seed (default 1)' },
      { name: 'rate', type: 'string', value: 'R', description: 'mean activations per second (default 2)' },
      { name: 'burst', type: 'string', value: 'N@EVERY', description: 'N activations in 1s, now and every EVERY' },
      { name: 'max-duration', type: 'string', value: 'DUR', description: 'cap on simulated durations, e.g. 2s' },
      { name: 'load', type: 'string', value: 'FILE', description: 'also serve the records in FILE (JSON/JSONL)' },
      { name: 'no-traffic', type: 'boolean', description: 'generate no traffic' },
      { name: 'record', type: 'string', value: 'FILE', description: 'append each record as it becomes visible' },
      { name: 'faults', type: 'string', value: 'SPEC', description: 'fault GETs, e.g. 500:0.05,reset:0.01,slow:0.01' },
    ],
  },
  {
    name: 'doctor',
    summary: 'check credentials and connectivity, and say which source won',
    usage: 'fnmon doctor',
    options: [...CONNECTION_OPTIONS],
  },
];

export function findSubcommand(name: string): CommandSpec | undefined {
  return SUBCOMMANDS.find((command) => command.name === name);
}
