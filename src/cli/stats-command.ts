// `fnmon stats`: per-function statistics over the recent past, printed once as a table or one JSON
// document. The window's activations are fetched by the tail engine's first pass (summaries: the
// stats need no logs or results); with --errors, full records, since fingerprints need the messages.
import type { FingerprintIndex } from '../core/fingerprint.js';
import { Insights } from '../core/insights.js';
import { unicodeBlocksLikely } from '../core/sparkline.js';
import type { StatsCollector } from '../core/stats.js';
import { STATS_COLUMN_IDS, sortStats, type StatsColumnId } from '../core/stats-columns.js';
import { systemClock } from '../core/clock.js';
import { TailEngine } from '../core/tail.js';
import { colourWanted, painter } from '../plain/colour.js';
import { jsonLine } from '../plain/json.js';
import { statsDocument } from '../plain/stats-json.js';
import { fingerprintTable, statsTable } from '../plain/stats-table.js';
import type { ParsedCommand } from './args.js';
import { connect } from './connect.js';
import { choiceOption, flagOption, sinceOption } from './options.js';
import { EXIT, type CliIO } from './run.js';
import { wireSource } from './wire-source.js';

const DEFAULT_WINDOW_MS = 15 * 60 * 1000;
/** DO keeps activation records for 72 hours: an earlier --since finds nothing more, only costs buckets. */
const LONGEST_WINDOW_MS = 72 * 60 * 60 * 1000;
/** Points in each sparkline / series. */
const SERIES_POINTS = 12;
/** Failed polls in a row after which the command gives up (the engine backs off between them). */
const MAX_CONSECUTIVE_ERRORS = 3;

interface StatsSettings {
  output: 'text' | 'json';
  since: number;
  sort: StatsColumnId;
  errors: boolean;
}

function readSettings(command: ParsedCommand, now: number): StatsSettings {
  const { options } = command;
  return {
    output: choiceOption(options, 'output', ['text', 'json'], 'text'),
    since: Math.max(now - LONGEST_WINDOW_MS, sinceOption(options, 'since', now) ?? now - DEFAULT_WINDOW_MS),
    sort: choiceOption(options, 'sort', STATS_COLUMN_IDS, 'calls'),
    errors: flagOption(options, 'errors'),
  };
}

export async function statsCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const startedAt = Date.now();
  const settings = readSettings(command, startedAt);
  const connection = await connect(command, io, 0);
  if ('error' in connection) {
    io.stderr.write(`fnmon: ${connection.error}\n`);
    return EXIT.failure;
  }
  const { client } = connection;
  const engine = new TailEngine({ source: wireSource(client), docs: settings.errors, historySince: settings.since });
  // The collector's clock stays at the start of the command, so nothing fetched counts as too old.
  const insights = new Insights({
    retentionMs: startedAt - settings.since,
    clock: { ...systemClock, now: () => startedAt },
  });
  engine.onBatch((batch) => insights.delivered(batch.map((delivery) => delivery.activation)));
  try {
    const failure = await firstPass(engine);
    if (failure === 'interrupted') return EXIT.interrupted;
    if (failure !== undefined) {
      io.stderr.write(`fnmon: ${failure}\n`);
      return EXIT.failure;
    }
    io.stdout.write(report(insights.stats, settings, settings.errors ? insights.fingerprints : undefined, io));
    return EXIT.ok;
  } finally {
    void engine.stop();
    void client.close();
  }
}

/** Runs the engine until its first pass has fetched everything since `since`: undefined, or why not. */
function firstPass(engine: TailEngine): Promise<string | undefined> {
  return new Promise((resolve) => {
    const finish = (outcome: string | undefined) => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
      resolve(outcome);
    };
    const onInterrupt = () => finish('interrupted');
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onInterrupt);
    engine.onHealth((health) => {
      if (health.state === 'live' && !health.catchingUp) return finish(undefined);
      if (health.state !== 'backing-off' && health.state !== 'error') return;
      const fatal = health.lastError?.kind === 'auth' || health.lastError?.kind === 'usage';
      if (fatal || health.consecutiveErrors >= MAX_CONSECUTIVE_ERRORS)
        finish(health.lastError?.message ?? 'request failed');
    });
    engine.start();
  });
}

function report(
  stats: StatsCollector,
  settings: StatsSettings,
  fingerprints: FingerprintIndex | undefined,
  io: CliIO,
): string {
  const until = Date.now();
  const window = stats.window(until - settings.since, { now: until, points: SERIES_POINTS });
  const rows = sortStats(window.rows, settings.sort);
  if (settings.output === 'json') {
    return jsonLine(
      statsDocument(window, rows, {
        since: settings.since,
        until,
        sort: settings.sort,
        fingerprints: fingerprints?.list(),
      }),
    );
  }
  if (rows.length === 0) return `no activations since ${new Date(settings.since).toISOString()}\n`;
  const paint = painter(colourWanted(io.stdout.isTTY, io.env));
  const table = statsTable(rows, { paint, ascii: !unicodeBlocksLikely(io.env) });
  const errors = fingerprints?.list() ?? [];
  return errors.length > 0 ? `${table}\n${fingerprintTable(errors, paint)}` : table;
}
