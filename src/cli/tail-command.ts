// `fnmon tail`: the tail engine's deliveries as text lines or JSON lines, for pipes and scripts.
import { describeHealth, type FeedHealth } from '../core/feed-health.js';
import { filterFromTailFlags, matches } from '../core/filter.js';
import { TailEngine, type Delivery } from '../core/tail.js';
import { colourWanted, painter } from '../plain/colour.js';
import { jsonLine, toJsonActivation } from '../plain/json.js';
import { textLines } from '../plain/text.js';
import type { ParsedCommand } from './args.js';
import {
  UsageFailure,
  choiceOption,
  durationOption,
  flagOption,
  listOption,
  positiveIntegerOption,
  sinceOption,
} from './options.js';
import { connect } from './connect.js';
import { EXIT, type CliIO } from './run.js';
import { wireSource } from './wire-source.js';

/** What `--no-follow` prints when no --since is given. */
const DEFAULT_HISTORY_MS = 10 * 60 * 1000;
const GLOB = /[*?[\]]/;

interface TailSettings {
  output: 'text' | 'json';
  raw: boolean;
  logs: boolean;
  follow: boolean;
  since?: number;
  exitAfterMs?: number;
  count?: number;
  pollMs?: number;
  functions: string[];
}

function readSettings(command: ParsedCommand, now: number): TailSettings {
  const { options } = command;
  const output = choiceOption(options, 'output', ['text', 'json'], 'text');
  const raw = flagOption(options, 'raw');
  if (raw && output !== 'json') throw new UsageFailure('--raw only applies to --output json');
  const follow = !flagOption(options, 'no-follow');
  return {
    output,
    raw,
    logs: flagOption(options, 'logs'),
    follow,
    since: sinceOption(options, 'since', now) ?? (follow ? undefined : now - DEFAULT_HISTORY_MS),
    exitAfterMs: durationOption(options, 'exit-after'),
    count: positiveIntegerOption(options, 'count'),
    pollMs: durationOption(options, 'poll'),
    functions: listOption(options, 'function'),
  };
}

/** One exact `pkg/fn` can be filtered by the server, which saves transferring everything else. */
function serverSideName(functions: string[]): string | undefined {
  const only = functions.length === 1 ? functions[0]! : undefined;
  return only && only.split('/').length === 2 && !GLOB.test(only) ? only : undefined;
}

export async function tailCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const settings = readSettings(command, Date.now());
  const filter = filterFromTailFlags({ functions: settings.functions, statuses: listOption(command.options, 'status') });
  if (!filter.ok) throw new UsageFailure(filter.error);
  const connection = await connect(command, io, 0);
  if ('error' in connection) {
    io.stderr.write(`fnmon: ${connection.error}\n`);
    return EXIT.failure;
  }
  const { client } = connection;
  const engine = new TailEngine({
    source: wireSource(client),
    docs: true,
    name: serverSideName(settings.functions),
    historySince: settings.since,
    ...(settings.pollMs !== undefined && { pacing: { minIntervalMs: settings.pollMs, maxIntervalMs: Math.max(5000, settings.pollMs) } }),
  });
  try {
    return await stream(engine, settings, (activation) => matches(filter.filter, activation), io);
  } finally {
    void engine.stop();
    void client.close();
  }
}

function stream(
  engine: TailEngine,
  settings: TailSettings,
  wanted: (activation: Delivery['activation']) => boolean,
  io: CliIO,
): Promise<number> {
  const paint = painter(colourWanted(io.stdout.isTTY, io.env));
  const format = (delivery: Delivery): string =>
    settings.output === 'text'
      ? textLines(delivery.activation, delivery.late, { logs: settings.logs, paint })
      : jsonLine(settings.raw ? delivery.record : toJsonActivation(delivery.activation, { late: delivery.late, logs: settings.logs }));

  return new Promise<number>((resolve) => {
    let printed = 0;
    let finished = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      timers.forEach(clearTimeout);
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
      resolve(code);
    };
    const onInterrupt = () => finish(EXIT.interrupted);
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onInterrupt);
    // A closed pipe (`| head`) is a normal way to stop reading.
    io.stdout.on('error', () => finish(EXIT.ok));
    if (settings.exitAfterMs !== undefined) timers.push(setTimeout(() => finish(EXIT.ok), settings.exitAfterMs));

    engine.onBatch((batch) => {
      for (const delivery of batch) {
        if (finished || !wanted(delivery.activation)) continue;
        io.stdout.write(format(delivery));
        printed += 1;
        if (settings.count !== undefined && printed >= settings.count) return finish(EXIT.ok);
      }
    });
    engine.onHealth(healthReporter(io, settings, finish));
    engine.start();
  });
}

/** Reports feed problems on stderr once per change (not once per poll), and ends a one-shot run. */
function healthReporter(io: CliIO, settings: TailSettings, finish: (code: number) => void) {
  let lastReported = '';
  let everLive = false;
  return (health: FeedHealth) => {
    if (health.state === 'live') {
      if (lastReported) io.stderr.write('fnmon: connection restored; catching up on what was missed\n');
      lastReported = '';
      everLive = true;
      if (!settings.follow && !health.catchingUp) finish(EXIT.ok);
      return;
    }
    if (health.state !== 'backing-off' && health.state !== 'error') return;
    const fatalAtStart = !everLive && (health.lastError?.kind === 'auth' || health.lastError?.kind === 'usage');
    if (fatalAtStart || (!settings.follow && health.consecutiveErrors >= 3)) {
      io.stderr.write(`fnmon: ${health.lastError?.message ?? 'request failed'}\n`);
      return finish(EXIT.failure);
    }
    const line = describeHealth(health, Date.now());
    const key = `${health.state}:${health.lastError?.message}`;
    if (key !== lastReported) io.stderr.write(`fnmon: ${line}\n`);
    lastReported = key;
  };
}
