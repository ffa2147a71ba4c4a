// Whichever insight view is open (stats, error fingerprints, diff), in the whole body.
import type { InsightViews } from '../hooks/use-insight-views.js';
import type { UiState } from '../state/ui-state.js';
import type { PaneBox } from '../view/layout.js';
import { DiffView } from './DiffView.js';
import { FingerprintsView } from './FingerprintsView.js';
import { StatsView } from './StatsView.js';

export interface InsightViewProps {
  state: UiState;
  views: InsightViews;
  body: PaneBox;
  now: number;
  /** Sparklines and timing bars in plain ASCII. */
  ascii: boolean;
}

export function InsightView({ state, views, body, now, ascii }: InsightViewProps) {
  const { width, height } = body;
  if (state.mode === 'stats' && views.stats)
    return <StatsView stats={views.stats} view={state.insights.stats} width={width} height={height} ascii={ascii} />;
  if (state.mode === 'fingerprints' && views.fingerprints)
    return (
      <FingerprintsView
        fingerprints={views.fingerprints}
        selection={state.insights.fingerprints}
        width={width}
        height={height}
        now={now}
        timeFormat={state.timeFormat}
      />
    );
  if (state.mode === 'diff' && views.diff && state.insights.diff)
    return <DiffView diff={views.diff} top={state.insights.diff.top} width={width} height={height} />;
  return null;
}
