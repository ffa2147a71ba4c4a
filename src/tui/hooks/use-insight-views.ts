// What the insight views show, computed only for the one that is open: the stats table, the error
// fingerprints, the diff of the marked pair. The commands read it too (to move and to act on rows).
import type { MonitorService } from '../../core/monitor.js';
import type { UiState } from '../state/ui-state.js';
import { useDiffView, type DiffView } from './use-diff-view.js';
import { useFingerprints, type FingerprintView } from './use-fingerprints.js';
import { useStatsView, type StatsView } from './use-stats-view.js';

export interface InsightViews {
  stats?: StatsView;
  fingerprints?: FingerprintView;
  diff?: DiffView;
}

export function useInsightViews(
  service: MonitorService,
  state: UiState,
  width: number,
  now: number,
  version: number,
): InsightViews {
  const { insights } = service;
  const stats = useStatsView(insights, state.insights.stats, state.mode === 'stats', width, now, version);
  const fingerprints = useFingerprints(insights.fingerprints, state.mode === 'fingerprints');
  const diff = useDiffView(service, state.mode === 'diff' ? state.insights.diff : undefined, width, version);
  return { stats, fingerprints, diff };
}
