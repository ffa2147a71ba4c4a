// The detail pane's decoded header: what a person wants to know about an activation at a glance.
// Below it the pane shows the record exactly as the API gave it (json-lines.ts); both scroll as one.
import { activationEndTime, nearTimeout, type Activation } from '../../core/activation.js';
import { formatDuration } from '../../core/duration.js';
import { sanitize } from '../../core/logline.js';
import { NEAR_TIMEOUT_MARK, RERUN_MARK, STATUS_LOOK } from '../theme.js';
import { segment, type Segment, type StyledLine } from './styled-line.js';
import { detailTime } from './time-format.js';

/** Where the full record stands, for the line between the header and the JSON. */
export type RecordState = { kind: 'full' } | { kind: 'loading' } | { kind: 'failed'; message: string };

const LABEL_WIDTH = 11;

/** `rerunOf`: the activation this one re-ran, when fnmon started it. */
export function detailHeaderLines(activation: Activation, now: number, rerunOf?: string): StyledLine[] {
  const look = STATUS_LOOK[activation.status];
  const lines: StyledLine[] = [
    [
      segment(`${look.glyph} ${look.word}`, { color: look.color, bold: true }),
      segment('  '),
      segment(sanitize(activation.fn), { bold: true }),
      segment(activation.version === '' ? '' : `  v${sanitize(activation.version)}`, { dim: true }),
    ],
    field('id', sanitize(activation.id)),
  ];
  if (rerunOf !== undefined)
    lines.push([label('re-run of'), segment(`${RERUN_MARK} ${sanitize(rerunOf)}`, { color: 'cyan', bold: true })]);
  lines.push(field('start', detailTime(activation.start, now)));
  if (activation.end !== undefined || activation.duration !== undefined)
    lines.push(field('end', detailTime(activationEndTime(activation), now)));
  lines.push(durationLine(activation));
  lines.push(containerLine(activation));
  if (activation.waitTime !== undefined) lines.push(field('wait', formatDuration(activation.waitTime)));
  if (activation.memory !== undefined) lines.push(field('memory', `${activation.memory} MB`));
  if (activation.kind !== undefined) lines.push(field('runtime', sanitize(activation.kind)));
  if (activation.gbs !== undefined) lines.push(field('GB-s', String(activation.gbs)));
  if (activation.isSequence) lines.push(field('sequence', 'yes: its logs list the component activations'));
  if (activation.cause !== undefined)
    lines.push(field('cause', `${sanitize(activation.cause)} (a step of that sequence)`));
  if (activation.error !== undefined)
    lines.push([label('error'), segment(sanitize(activation.error), { color: look.color })]);
  return lines;
}

function label(name: string): Segment {
  return segment(name.padEnd(LABEL_WIDTH), { dim: true });
}

function field(name: string, value: string): StyledLine {
  return [label(name), segment(value)];
}

function durationLine(activation: Activation): StyledLine {
  const { duration, timeoutLimit } = activation;
  if (duration === undefined) return field('duration', 'not finished or not recorded');
  const parts: Segment[] = [label('duration'), segment(formatDuration(duration), { bold: true })];
  if (timeoutLimit !== undefined && timeoutLimit > 0) {
    const percent = Math.round((duration / timeoutLimit) * 100);
    parts.push(segment(` of ${formatDuration(timeoutLimit)} limit (${percent}%)`, { dim: true }));
  }
  if (nearTimeout(activation))
    parts.push(segment(`  ${NEAR_TIMEOUT_MARK} over 80% of the time limit`, { color: 'yellow', bold: true }));
  return parts;
}

function containerLine(activation: Activation): StyledLine {
  if (!activation.cold) return field('container', 'warm (reused)');
  const init = activation.initTime === undefined ? '' : ` (init ${formatDuration(activation.initTime)})`;
  return [label('container'), segment('cold start', { color: 'cyan' }), segment(init)];
}

/** The line between the header and the record's JSON: whether it is the full record. */
export function recordTitle(record: RecordState): StyledLine {
  switch (record.kind) {
    case 'full':
      return [segment('── record ──', { dim: true })];
    case 'loading':
      return [
        segment('── record (summary) ── ', { dim: true }),
        segment('fetching the full record…', { color: 'cyan' }),
      ];
    case 'failed':
      return [
        segment('── record (summary) ── ', { dim: true }),
        segment(`could not fetch the full record: ${sanitize(record.message)}`, { color: 'red' }),
      ];
  }
}
