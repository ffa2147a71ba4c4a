// What an invocation's answer means, as a one-line summary (the status line) and as the dialog's
// result view: status, duration, activation id, what it re-ran, then the result JSON. Failures are
// named for what they are; an unknown outcome says to check the stream, never that it failed.
import type { InvokeResult } from '../../core/invoke.js';
import { formatDuration } from '../../core/duration.js';
import { sanitize } from '../../core/logline.js';
import { STATUS_LOOK } from '../theme.js';
import { jsonLines } from './json-lines.js';
import { segment, type Style, type StyledLine } from './styled-line.js';

export interface Outcome {
  text: string;
  tone: 'info' | 'error';
}

const HTTP_MEANING: Readonly<Record<200 | 502 | 500, string>> = {
  200: '200',
  502: '502: application or developer error',
  500: '500: platform error',
};

export function describeOutcome(result: InvokeResult): Outcome {
  switch (result.kind) {
    case 'result': {
      const { activation } = result;
      const look = STATUS_LOOK[activation.status];
      const took = activation.duration === undefined ? '' : ` in ${formatDuration(activation.duration)}`;
      const error = activation.error === undefined ? '' : `: ${sanitize(activation.error)}`;
      return {
        text: `${look.word}${took}${error} (${HTTP_MEANING[result.status]}) — activation ${sanitize(activation.id)}`,
        tone: activation.status === 'success' ? 'info' : 'error',
      };
    }
    case 'accepted':
      return { text: acceptedText(result.demoted, sanitize(result.activationId)), tone: 'info' };
    case 'failed':
      return { text: failureText(result), tone: 'error' };
  }
}

function acceptedText(demoted: boolean, id: string): string {
  return demoted
    ? `still running after the blocking wait (202) — activation ${id}; the stream picks it up when it ends`
    : `started (async, 202) — activation ${id}; the stream picks it up when it ends`;
}

function failureText(result: Extract<InvokeResult, { kind: 'failed' }>): string {
  const message = sanitize(result.message);
  switch (result.errorKind) {
    case 'outcome-unknown':
    case 'busy':
      return message; // already says what to do
    case 'rate-limited':
      return `rate-limited (429), nothing ran: ${message}`;
    default: {
      const status = result.httpStatus === undefined ? '' : ` (${result.httpStatus})`;
      return `${result.errorKind}${status}, nothing ran: ${message}`;
    }
  }
}

const LABEL_WIDTH = 12;

function field(name: string, value: string, style: Style = {}): StyledLine {
  return [segment(name.padEnd(LABEL_WIDTH), { dim: true }), segment(value, style)];
}

/** The dialog's result view, before layout to its width. */
export function outcomeLines(result: InvokeResult, rerunOf: string): StyledLine[] {
  switch (result.kind) {
    case 'result': {
      const { activation } = result;
      const look = STATUS_LOOK[activation.status];
      const lines: StyledLine[] = [
        [
          segment(`${look.glyph} ${look.word}`, { color: look.color, bold: true }),
          segment(`  HTTP ${HTTP_MEANING[result.status]}`, { dim: true }),
        ],
        field('activation', sanitize(activation.id), { bold: true }),
        field('re-run of', sanitize(rerunOf)),
        field('duration', activation.duration === undefined ? 'not recorded' : formatDuration(activation.duration)),
      ];
      if (activation.error !== undefined) lines.push(field('error', sanitize(activation.error), { color: look.color }));
      lines.push([], [segment('── result ──', { dim: true })], ...jsonLines(activation.result ?? null));
      return lines;
    }
    case 'accepted':
      return [
        [segment(result.demoted ? '◐ still running' : '◐ started (async)', { color: 'cyan', bold: true })],
        field('activation', sanitize(result.activationId), { bold: true }),
        field('re-run of', sanitize(rerunOf)),
        [],
        [
          segment(
            result.demoted
              ? 'It outlasted the blocking wait (HTTP 202). The stream picks it up when it ends.'
              : 'Accepted (HTTP 202). The stream picks it up when it ends.',
          ),
        ],
      ];
    case 'failed':
      return failedLines(result);
  }
}

function failedLines(result: Extract<InvokeResult, { kind: 'failed' }>): StyledLine[] {
  const title =
    result.errorKind === 'outcome-unknown'
      ? segment('? outcome unknown — check the stream', { color: 'yellow', bold: true })
      : segment(`✗ ${result.errorKind}${result.httpStatus === undefined ? '' : ` (HTTP ${result.httpStatus})`}`, {
          color: 'red',
          bold: true,
        });
  const advice =
    result.errorKind === 'outcome-unknown'
      ? 'The connection failed after the request went out: it may have run. It was not retried.'
      : 'Nothing ran. e edits and sends again.';
  return [[title], [], [segment(sanitize(result.message))], [segment(advice, { dim: true })]];
}
