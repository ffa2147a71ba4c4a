// argv -> ParsedCommand | UsageError. Pure: no I/O, no process access.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GLOBAL_OPTIONS, MONITOR, findSubcommand, type CommandSpec, type OptionSpec } from './commands.js';

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedCommand {
  kind: 'command';
  command: string;
  options: OptionValues;
  positionals: string[];
}

export interface HelpRequest {
  kind: 'help';
  /** The subcommand whose help was asked for; undefined for the top-level help. */
  command?: string;
}

export interface VersionRequest {
  kind: 'version';
}

export interface UsageError {
  kind: 'usage-error';
  message: string;
  hint: string;
}

export type ParseResult = ParsedCommand | HelpRequest | VersionRequest | UsageError;

function toParseArgsOptions(specs: OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const spec of specs) {
    options[spec.name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  return options;
}

function usageError(message: string, command?: string): UsageError {
  const hint = command ? `run 'fnmon ${command} --help' for usage` : "run 'fnmon --help' for usage";
  return { kind: 'usage-error', message, hint };
}

/** Turns node's verbose parseArgs messages into one short line. */
function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // Node quotes an unknown option as given ('--bogus=1'), and names a known one by its long form
  // somewhere in the message ('-o, --output <value>', "use '--output=-XYZ'").
  const given = /'(-{1,2}[^'=]*)/.exec(text)?.[1] ?? '';
  const option = /--[\w-]+/.exec(text)?.[0] ?? given;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${given}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (text.includes('argument missing')) return `option '${option}' needs a value`;
      // `--count -3`: the value looks like another option.
      if (text.includes('ambiguous'))
        return `option '${option}' needs a value; for one starting with '-', write ${option}=VALUE`;
      return `option '${option}' does not take a value`;
    default:
      return text.split('\n')[0] ?? text;
  }
}

function parseFor(spec: CommandSpec, args: string[]): ParseResult {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: toParseArgsOptions([...GLOBAL_OPTIONS, ...spec.options]),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageError(describeParseError(error), spec === MONITOR ? undefined : spec.name);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', command: spec === MONITOR ? undefined : spec.name };
  if (values.version) return { kind: 'version' };
  const allowed = spec.positionals ?? { min: 0, max: 0, names: '' };
  if (positionals.length > allowed.max) {
    return usageError(`unexpected argument '${positionals[allowed.max]}'`, spec.name);
  }
  if (positionals.length < allowed.min) {
    return usageError(`missing ${allowed.names}`, spec.name);
  }
  return { kind: 'command', command: spec.name, options: values as OptionValues, positionals };
}

export function parseArgv(argv: string[]): ParseResult {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return parseFor(MONITOR, argv);
  if (first === 'help') return { kind: 'help', command: rest[0] && findSubcommand(rest[0]) ? rest[0] : undefined };
  const subcommand = findSubcommand(first);
  if (!subcommand) return usageError(`unknown command '${first}'`);
  return parseFor(subcommand, rest);
}
