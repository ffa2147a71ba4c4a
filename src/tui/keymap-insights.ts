// The keys of the insight views, as data like the rest of the table: opening the stats view (i, :stats)
// and the error fingerprints (x), marking activations (m) and comparing two (d), and the keys inside
// those views. The normal-mode ones stay out of the bottom bar (it keeps to 8 keys); help lists them.
import type { Command, Mode } from './keymap.js';

/** The insight views, each a mode of its own. */
export type InsightMode = 'stats' | 'fingerprints' | 'diff';
export const INSIGHT_MODES: readonly InsightMode[] = ['stats', 'fingerprints', 'diff'];

export type InsightCommandId =
  | 'open-stats'
  | 'open-fingerprints'
  | 'mark'
  | 'open-diff'
  | 'insight-close'
  | 'stats-window'
  | 'stats-sort'
  | 'stats-reverse'
  | 'stats-filter'
  | 'fingerprint-jump';

export function isInsightMode(mode: Mode | string): mode is InsightMode {
  return (INSIGHT_MODES as readonly string[]).includes(mode);
}

export const INSIGHT_COMMANDS: readonly Command[] = [
  {
    id: 'open-stats',
    keys: ['i'],
    description: 'stats per function: calls, errors, cold starts, percentiles, cost (also :stats)',
    group: 'Insights',
    modes: ['normal'],
  },
  {
    id: 'open-fingerprints',
    keys: ['x'],
    description: 'error fingerprints: failures grouped by their message',
    group: 'Insights',
    modes: ['normal'],
  },
  {
    id: 'mark',
    keys: ['m'],
    description: 'mark / unmark the selected activation (for d)',
    group: 'Insights',
    modes: ['normal'],
  },
  {
    id: 'open-diff',
    keys: ['d'],
    description: 'compare the two marked activations side by side',
    group: 'Insights',
    modes: ['normal'],
  },

  {
    id: 'insight-close',
    keys: ['esc', 'q'],
    description: 'back to the list',
    group: 'Insight views',
    modes: INSIGHT_MODES,
    bar: { label: 'back' },
  },
  {
    id: 'stats-filter',
    keys: ['enter'],
    description: 'show only this function in the list (sets the filter fn:<pkg/fn>)',
    group: 'Insight views',
    modes: ['stats'],
    bar: { label: 'filter to it' },
  },
  {
    id: 'stats-window',
    keys: ['w'],
    description: 'stats over the last 1, 5, 15 or 60 minutes (cycles)',
    group: 'Insight views',
    modes: ['stats'],
    bar: { label: 'window' },
  },
  {
    id: 'stats-sort',
    keys: ['s'],
    description: 'sort by the next column',
    group: 'Insight views',
    modes: ['stats'],
    bar: { label: 'sort' },
  },
  {
    id: 'stats-reverse',
    keys: ['r'],
    description: 'reverse the sort order',
    group: 'Insight views',
    modes: ['stats'],
    bar: { label: 'reverse' },
  },
  {
    id: 'fingerprint-jump',
    keys: ['enter'],
    description: 'open the newest failure of this fingerprint',
    group: 'Insight views',
    modes: ['fingerprints'],
    bar: { label: 'newest example' },
  },
];
