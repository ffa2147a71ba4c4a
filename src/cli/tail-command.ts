// `fnmon tail`: the tail engine's deliveries as text lines or JSON lines, for pipes and scripts.
import { normaliseActivation, type Activation } from '../core/activation.js';
import { describeHealth, type FeedHealth } from '../core/feed-health.js';
import { filterFromTailFlags, matches } from '../core/filter.js';
import { TailEngine, type Delivery } from '../core/tail.js';
import { colourWanted, painter } from '../plain/colour.js';
import type { ForwardedLine } from '../core/forwarded-types.js';
import { forwardedEntryText, toJsonForwardedEntry, type ForwardedEntry } from '../plain/forwarded.js';
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
  stringOption,
} from './options.js';
import { connect, connectionFlags } from './connect.js';
import { startTailForwarding, type TailForwarding } from './tail-forwarding.js';
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
  statuses: string[];
  project?: string;
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
    statuses: listOption(options, 'status'),
    project: stringOption(options, 'project'),
  };
}

/** One exact `pkg/fn` can be filtered by the server, which saves transferring everything else. */
function serverSideName(functions: string[]): string | undefined {
  const only = functions.length === 1 ? functions[0]! : undefined;
  return only && only.split('/').length === 2 && !GLOB.test(only) ? only : undefined;
}

export async function tailCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const settings = readSettings(command, Date.now());
  const filter = filterFromTailFlags({ functions: settings.functions, statuses: settings.statuses });
  if (!filter.ok) throw new UsageFailure(filter.error);
  const connection = await connect(command, io, 0);
  if ('error' in connection) {
    io.stderr.write(`fnmon: ${connection.error}\n`);
    return EXIT.failure;
  }
  const { client } = connection;
  const forwarding = settings.logs
    ? await startTailForwarding({
        connection,
        flags: connectionFlags(command),
        env: io.env,
        project: settings.project,
        since: settings.since,
        stderr: (line) => io.stderr.write(`fnmon: ${line}\n`),
      })
    : undefined;
  const engine = new TailEngine({
    source: wireSource(client),
    docs: true,
    name: serverSideName(settings.functions),
    historySince: settings.since,
    ...(settings.pollMs !== undefined && { pacing: { minIntervalMs: settings.pollMs, maxIntervalMs: Math.max(5000, settings.pollMs) } }),
  });
  try {
    return await stream(engine, settings, (activation) => matches(filter.filter, activation), io, forwarding);
  } finally {
    void engine.stop();
    void forwarding?.close();
    void client.close();
  }
}

function stream(
  engine: TailEngine,
  settings: TailSettings,
  wanted: (activation: Delivery['activation']) => boolean,
  io: CliIO,
  forwarding: TailForwarding | undefined,
): Promise<number> {
  const paint = painter(colourWanted(io.stdout.isTTY, io.env));
  // With a readable destination every activation gets forwardedLogs (often empty): a stable shape.
  const format = (delivery: Delivery, forwarded: readonly ForwardedLine[] | undefined): string => {
    const { activation, late } = delivery;
    const withLines = { logs: settings.logs, ...(forwarded && { forwarded }) };
    if (settings.output === 'text') return textLines(activation, late, { ...withLines, paint });
    return jsonLine(settings.raw ? delivery.record : toJsonActivation(activation, { ...withLines, late }));
  };
  const formatEntry = (entry: ForwardedEntry): string =>
    settings.output === 'text' ? forwardedEntryText(entry, paint) : jsonLine(toJsonForwardedEntry(entry));

  return new Promise<number>((resolve) => {
    let printed = 0;
    let finished = false;
    // Set once a one-shot run has what it asked for: later activations are not part of it.
    let closing = false;
    const timers: NodeJS.Timeout[] = [];
    const write = (delivery: Delivery, forwarded?: readonly ForwardedLine[]) => {
      if (finished || (settings.count !== undefined && printed >= settings.count)) return;
      io.stdout.write(format(delivery, forwarded));
      printed += 1;
      if (settings.count !== undefined && printed >= settings.count) finish(EXIT.ok);
    };
    const printer = forwarding?.printer({
      writeActivation: (delivery, lines) => write(delivery, forwarding.forwarded.polling ? lines : undefined),
      writeEntry: (entry) => {
        if (!finished && wantedEntry(entry, settings, wanted)) io.stdout.write(formatEntry(entry));
      },
      printFrom: settings.since ?? Date.now(),
    });
    const finish = (code: number) => {
      if (finished) return;
      if (code === EXIT.ok) printer?.flush();
      finished = true;
      timers.forEach(clearTimeout);
      printer?.close();
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
      resolve(code);
    };
    /** The end of a one-shot run: waiting activations get their forwarded lines first (bounded). */
    const complete = () => {
      closing = true;
      void (printer?.drain() ?? Promise.resolve()).then(() => finish(EXIT.ok));
    };
    const onInterrupt = () => finish(EXIT.interrupted);
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onInterrupt);
    // A closed pipe (`| head`) is a normal way to stop reading.
    io.stdout.on('error', () => finish(EXIT.ok));
    if (settings.exitAfterMs !== undefined) timers.push(setTimeout(() => finish(EXIT.ok), settings.exitAfterMs));

    engine.onBatch((batch) => {
      forwarding?.forwarded.noteActivations(batch.map((delivery) => delivery.activation.id));
      for (const delivery of batch) {
        if (finished || closing || !wanted(delivery.activation)) continue;
        if (printer) printer.deliver(delivery);
        else write(delivery);
      }
    });
    engine.onHealth(healthReporter(io, settings, finish, complete));
    engine.start();
  });
}

/**
 * Lines with no activation record have no status: a --status filter leaves them out. --function
 * applies to the function path the lines carry.
 */
function wantedEntry(
  entry: ForwardedEntry,
  settings: TailSettings,
  wanted: (activation: Activation) => boolean,
): boolean {
  if (entry.activationRecord) return true;
  if (settings.statuses.length > 0) return false;
  if (settings.functions.length === 0) return true;
  const [namespace, ...rest] = (entry.functionPath ?? '').split('/').filter(Boolean);
  const summary = normaliseActivation({
    activationId: entry.activationId,
    start: entry.lines[0]?.time ?? 0,
    namespace,
    name: rest.at(-1),
    annotations: [{ key: 'path', value: [namespace, ...rest].join('/') }],
  });
  return summary !== undefined && wanted(summary);
}

/** Reports feed problems on stderr once per change (not once per poll), and ends a one-shot run. */
function healthReporter(io: CliIO, settings: TailSettings, finish: (code: number) => void, complete: () => void) {
  let lastReported = '';
  let everLive = false;
  return (health: FeedHealth) => {
    if (health.state === 'live') {
      if (lastReported) io.stderr.write('fnmon: connection restored; catching up on what was missed\n');
      lastReported = '';
      everLive = true;
      if (!settings.follow && !health.catchingUp) complete();
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
