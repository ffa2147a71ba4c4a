// The log pane's forwarded part: the lines read back from the log destinations, each with a badge
// of its source, then what to configure when a destination cannot be read, or a word that the
// lines are still to come. Laid out to the pane's width here (the badge column sets where wrapped
// lines continue), so the record's layout passes these rows through unchanged.
import type { ForwardedLine, ForwardedSourceName } from '../../core/forwarded-types.js';
import { displayWidth, padToWidth, sanitize } from '../../core/logline.js';
import { MATCH_STYLE } from '../theme.js';
import { clockOf, layoutLines } from './log-lines.js';
import { highlightSegments, segment, wrapWords, type Color, type Segment, type StyledLine } from './styled-line.js';

/** What the log pane knows about an activation's forwarded output. */
export interface ForwardedLog {
  /** Oldest first. */
  lines: readonly ForwardedLine[];
  /** What to configure so fnmon can read the destination (ForwardedLogs.hintFor). */
  hint?: string;
  /** Its output goes to a destination (project.yml, or the notice in its record). */
  forwards: boolean;
  /** An entry with no activation record: these lines are all there is. */
  orphan: boolean;
  /** Destinations fnmon cannot read now, with why: `betterstack (auth), datadog (no read key)`. */
  unreadable?: string;
}

export interface ForwardedRowOptions {
  width: number;
  wrap: boolean;
  timestamps: boolean;
  /** Filter matches in a sanitised message. */
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
}

interface Badge {
  text: string;
  color: Color;
}

export const BADGES: Readonly<Record<ForwardedSourceName, Badge>> = {
  papertrail: { text: '[papertrail]', color: 'green' },
  datadog: { text: '[datadog]', color: 'magenta' },
  betterstack: { text: '[better stack]', color: 'blue' },
};

const TIME_WIDTH = 13;
const WAITING = '  ↳ its output is forwarded (LOG_DESTINATIONS): no lines read back yet; they come with the next poll';
const NO_RECORD = 'no activation record: these forwarded lines are all there is';

/** Rows for the log pane, or undefined when there is nothing forwarded to show or say. */
export function forwardedRows(log: ForwardedLog, options: ForwardedRowOptions): StyledLine[] | undefined {
  const { lines, hint, forwards, orphan } = log;
  if (lines.length === 0 && hint === undefined && !forwards && !orphan) return undefined;
  const rows: StyledLine[] = [];
  if (orphan) rows.push(...proseRows(NO_RECORD, options.width, { dim: true }));
  rows.push(...lineRows(lines, options));
  // Instructions are no use cut short: they wrap whatever the wrap toggle says.
  if (hint !== undefined) rows.push(...hint.split('\n').flatMap((text) => proseRows(text, options.width)));
  else if (lines.length === 0 && !orphan) rows.push(...proseRows(waitingText(log.unreadable), options.width));
  return rows;
}

function waitingText(unreadable: string | undefined): string {
  return unreadable ? `${WAITING} (not readable now: ${unreadable})` : WAITING;
}

function lineRows(lines: readonly ForwardedLine[], options: ForwardedRowOptions): StyledLine[] {
  if (lines.length === 0) return [];
  // One badge width per pane, so messages line up when a function forwards to several services.
  let badgeWidth = 0;
  for (const line of lines) badgeWidth = Math.max(badgeWidth, BADGES[line.source].text.length);
  const styled = lines.map((line) => forwardedLine(line, badgeWidth, options));
  const prefix = (options.timestamps ? TIME_WIDTH : 0) + badgeWidth + 1;
  return layoutLines(styled, options.width, options.wrap, prefix);
}

function forwardedLine(line: ForwardedLine, badgeWidth: number, options: ForwardedRowOptions): StyledLine {
  const badge = BADGES[line.source];
  const parts: Segment[] = [];
  if (options.timestamps) parts.push(segment(`${clockOf(line.time)} `, { dim: true }));
  parts.push(segment(padToWidth(badge.text, badgeWidth), { color: badge.color, bold: true }), segment(' '));
  const text = sanitize(line.message);
  parts.push(...highlightSegments(text, options.highlight(text), {}, MATCH_STYLE));
  return parts;
}

/** Text broken between words, keeping its indentation; continuations are indented two more. */
function proseRows(text: string, width: number, style: { dim?: boolean } = {}): StyledLine[] {
  const look = style.dim ? { dim: true } : { color: 'cyan' as const };
  const indent = /^\s*/.exec(text)?.[0] ?? '';
  const room = width - displayWidth(indent);
  if (displayWidth(text) <= width || room < 8) return layoutLines([[segment(text, look)]], width, false);
  return wrapWords(text.slice(indent.length), room - 2).map((row, index) => [
    segment(`${indent}${index === 0 ? '' : '  '}${row}`, look),
  ]);
}
