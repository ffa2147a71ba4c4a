// What the insight views' commands do: opening the stats and fingerprint views, marking activations
// and opening the diff of two, and the keys inside those views. State changes go through the
// insights reducer; the rows they act on come from the views' data (env.insights).
import { shortId } from '../core/activation.js';
import { FINGERPRINTS_CHROME_ROWS } from './components/FingerprintsView.js';
import { STATS_CHROME_ROWS } from './components/StatsView.js';
import type { InsightCommandId } from './keymap.js';
import type { CommandEnv } from './run-command.js';
import { predicate } from './state/filter-state.js';
import { selectedKeyIndex, type InsightAction } from './state/insights-state.js';
import { sortableColumns } from './view/stats-table.js';
import type { Motion } from './view/window.js';

export function runInsightCommand(id: InsightCommandId, env: CommandEnv): void {
  switch (id) {
    case 'open-stats':
      return insight(env, { kind: 'open', view: 'stats' });
    case 'open-fingerprints':
      return insight(env, { kind: 'open', view: 'fingerprints' });
    case 'mark':
      return toggleMark(env);
    case 'open-diff':
      return openDiff(env);
    case 'insight-close':
      return insight(env, { kind: 'close' });
    case 'stats-window':
      return insight(env, { kind: 'stats-window' });
    case 'stats-sort': {
      const columns = env.insights.stats?.columns;
      return columns && insight(env, { kind: 'stats-sort', columns: sortableColumns(columns) });
    }
    case 'stats-reverse':
      return insight(env, { kind: 'stats-reverse' });
    case 'stats-filter':
      return filterToSelectedFunction(env);
    case 'fingerprint-jump':
      return openNewestFailure(env);
  }
}

/** Motions in the stats and fingerprint lists (a cursor) and in the diff (a scroll). */
export function moveInInsight(motion: Motion, env: CommandEnv): void {
  const { state, layout, insights } = env;
  if (layout.kind === 'too-small') return;
  const height = layout.body.height;
  switch (state.mode) {
    case 'stats':
      return insight(env, {
        kind: 'move',
        motion,
        keys: insights.stats?.keys ?? [],
        height: height - STATS_CHROME_ROWS,
      });
    case 'fingerprints': {
      const keys = insights.fingerprints?.keys ?? [];
      return insight(env, { kind: 'move', motion, keys, height: height - FINGERPRINTS_CHROME_ROWS });
    }
    case 'diff':
      return insight(env, { kind: 'scroll-diff', motion, height: height - 1, length: insights.diff?.rows.length ?? 0 });
  }
}

function insight(env: CommandEnv, action: InsightAction): void {
  env.dispatch({ type: 'insights', action });
}

function message(env: CommandEnv, text: string, tone: 'info' | 'error' = 'info'): void {
  env.dispatch({ type: 'message', text, tone });
}

function toggleMark(env: CommandEnv): void {
  const activation = env.detail?.activation;
  if (!activation) return message(env, 'nothing selected to mark', 'error');
  const { marked } = env.state.insights;
  const unmarking = marked.includes(activation.id);
  insight(env, { kind: 'toggle-mark', id: activation.id });
  const count = marked.length + (unmarking ? -1 : 1);
  const which = shortId(activation.id);
  if (unmarking) return message(env, `unmarked ${which} (${count} marked)`);
  if (count === 1) return message(env, `marked ${which}: mark one more with m, then d compares them`);
  if (count === 2) return message(env, `marked ${which}: d compares the two marked`);
  message(env, `marked ${which}: ${count} marked, d compares exactly two (m on a marked one unmarks it)`);
}

function openDiff(env: CommandEnv): void {
  const { marked } = env.state.insights;
  if (marked.length === 0) return message(env, 'mark two activations with m, then d compares them', 'error');
  if (marked.length === 1) return message(env, 'one marked: mark one more with m, then d compares them', 'error');
  if (marked.length > 2)
    return message(env, `${marked.length} marked: d compares exactly two (m on a marked one unmarks it)`, 'error');
  const [first, second] = marked as [string, string];
  // Older on the left; the mark order when the store no longer holds one of them.
  const start = (id: string) => env.service.store.get(id)?.start;
  const [a, b] = [start(first), start(second)];
  const swap = a !== undefined && b !== undefined && b < a;
  insight(env, { kind: 'open-diff', left: swap ? second : first, right: swap ? first : second });
}

function filterToSelectedFunction(env: CommandEnv): void {
  const stats = env.insights.stats;
  if (!stats || stats.rows.length === 0) return message(env, 'no function to filter to', 'error');
  const fn = stats.keys[selectedKeyIndex(stats.keys, env.state.insights.stats.selection)];
  if (fn !== undefined) insight(env, { kind: 'filter-function', fn });
}

function openNewestFailure(env: CommandEnv): void {
  const fingerprints = env.insights.fingerprints;
  const fingerprint = fingerprints?.list[selectedKeyIndex(fingerprints.keys, env.state.insights.fingerprints)];
  if (!fingerprint) return message(env, 'no fingerprint selected', 'error');
  const activation = env.service.store.get(fingerprint.newestId);
  if (!activation)
    return message(env, `the newest failure (${shortId(fingerprint.newestId)}) is no longer held`, 'error');
  // The list as it is now: the frame on screen may predate the latest arrivals by a throttle tick.
  const { paused, filter } = env.state;
  const source = paused ? paused.list : env.service.store.newestFirst();
  const test = predicate(filter);
  insight(env, {
    kind: 'show-activation',
    id: activation.id,
    start: activation.start,
    list: test ? source.filter(test) : source,
  });
}
