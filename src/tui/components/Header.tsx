// Two header lines: where (namespace, host), how the feed is doing, how much is shown; then what
// narrows the view (filter, since, paused, follow).
import { Box } from 'ink';
import type { FeedHealth } from '../../core/feed-health.js';
import type { SourceHealth } from '../../core/forwarded-types.js';
import type { MonitorTarget } from '../../core/monitor.js';
import { sanitize } from '../../core/logline.js';
import { describeParts, type FilterState } from '../state/filter-state.js';
import { fitLine, segment, type Segment } from '../view/styled-line.js';
import { withSourceHealth } from '../view/source-health.js';
import { listTime } from '../view/time-format.js';
import { Line } from './Line.js';

export interface HeaderProps {
  target: MonitorTarget;
  health: FeedHealth;
  /** Activations that arrived since the view was paused; undefined when live. */
  newWhilePaused?: number;
  follow: boolean;
  shown: number;
  total: number;
  failures: number;
  filter: FilterState;
  now: number;
  width: number;
  /** The log destinations fnmon reads (or cannot), shown on the second line when there is room. */
  sources?: readonly SourceHealth[];
}

export function Header(props: HeaderProps) {
  const { target, width } = props;
  const first: Segment[] = [
    segment(' fnmon ', { bold: true, inverse: true, color: 'cyan' }),
    segment(' '),
    segment(sanitize(target.namespaceLabel), { bold: true }),
    segment('  '),
    ...healthSegments(props.health, props.newWhilePaused, props.now),
    segment('  '),
    segment(`${props.shown}`, { bold: true }),
    segment(`/${props.total} shown`, { dim: true }),
    segment('  '),
    props.failures > 0
      ? segment(`✗ ${props.failures} failed`, { color: 'red', bold: true })
      : segment('✓ no failures', { color: 'green' }),
    // The host matters least once running: last, so a narrow terminal cuts it first.
    segment(`  ${sanitize(target.apiHost)}`, { dim: true }),
  ];
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Line line={fitLine(first, width)} />
      <Line
        line={fitLine(
          withSourceHealth([viewSegments(props), viewSegments(props, true)], props.sources ?? [], props.now, width),
          width,
        )}
      />
    </Box>
  );
}

export function healthSegments(health: FeedHealth, newWhilePaused: number | undefined, now: number): Segment[] {
  const parts: Segment[] = [];
  if (newWhilePaused !== undefined) {
    parts.push(
      segment(`⏸ paused`, { color: 'yellow', bold: true }),
      segment(` (${newWhilePaused} new — Space resumes)`, { color: 'yellow' }),
    );
  } else {
    parts.push(...feedState(health, now));
  }
  if (health.completenessAtRisk)
    parts.push(segment('  ⚠ some activations may be missing (outage longer than retention)', { color: 'yellow' }));
  return parts;
}

function feedState(health: FeedHealth, now: number): Segment[] {
  const retryIn =
    health.nextPollAt === undefined ? '' : ` — retry in ${Math.max(0, Math.ceil((health.nextPollAt - now) / 1000))}s`;
  const reason = sanitize(health.lastError?.message ?? 'request failed');
  switch (health.state) {
    case 'starting':
      return [segment('◌ connecting…', { color: 'cyan' })];
    case 'live':
      return [
        segment('● live', { color: 'green', bold: true }),
        segment(health.catchingUp ? ' (catching up)' : '', { color: 'green' }),
      ];
    case 'backing-off':
      return [
        segment('◐ backing off', { color: 'yellow', bold: true }),
        segment(`${retryIn} (${reason})`, { color: 'yellow' }),
      ];
    case 'error':
      return [segment('✗ error', { color: 'red', bold: true }), segment(`: ${reason}${retryIn}`, { color: 'red' })];
    case 'stopped':
      return [segment('■ stopped', { dim: true })];
  }
}

/** `brief`: without the key hints, to make room for the log destinations' health. */
function viewSegments({ filter, follow, now }: HeaderProps, brief = false): Segment[] {
  const parts: Segment[] = [segment(' ')];
  const described = describeParts(filter).map(sanitize);
  if (described.length > 0)
    parts.push(segment('filter ', { dim: true }), segment(described.join(' · '), { color: 'yellow', bold: true }));
  else parts.push(segment(brief ? 'no filter' : 'no filter (/ to filter, e errors only, F functions)', { dim: true }));
  // Absolute: the bound does not move, so "2h ago" would go stale.
  if (filter.since !== undefined)
    parts.push(
      segment('  since ', { dim: true }),
      segment(listTime(filter.since, now, 'absolute'), { color: 'yellow', bold: true }),
    );
  parts.push(
    segment('  '),
    follow
      ? segment(brief ? '↑ following' : '↑ following newest', { color: 'cyan' })
      : segment(brief ? 'follow off' : 'follow off (f)', { dim: true }),
  );
  return parts;
}
