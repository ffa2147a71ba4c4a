/* eslint-disable no-control-regex -- these tests look for control characters */
// Forwarded lines in tail output: badges under the activation, entries of their own, JSON shapes,
// and nothing a function wrote reaching the terminal as an escape sequence.
import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import type { ForwardedLine } from '../../src/core/forwarded-types.js';
import { painter } from '../../src/plain/colour.js';
import { forwardedEntryText, toJsonForwardedEntry } from '../../src/plain/forwarded.js';
import { toJsonActivation } from '../../src/plain/json.js';
import { textLines } from '../../src/plain/text.js';
import { coldAppErrorRecord } from '../core/activation-fixtures.js';

const ID = '9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11';
const NOTICE =
  '2024-01-01T00:00:00.130512345Z stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';
const paint = painter(false);

function forwarded(message: string, time = Date.UTC(2024, 0, 1, 0, 0, 0, 200)): ForwardedLine {
  return { source: 'papertrail', time, message, activationId: ID, functionPath: '/fn-x/api/webhook' };
}

const forwardingActivation = () =>
  normaliseActivation({
    ...coldAppErrorRecord(),
    response: { status: 'success', success: true, result: {} },
    logs: [NOTICE],
  })!;

describe('forwarded lines under an activation', () => {
  it('follow the record’s own lines with a badge, and stand in for the notice as the summary', () => {
    const text = textLines(forwardingActivation(), false, {
      logs: true,
      paint,
      forwarded: [forwarded('received push event'), forwarded('queued job')],
    });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/ {2}received push event$/);
    expect(lines.slice(2)).toEqual(['    [papertrail] received push event', '    [papertrail] queued job']);
  });

  it('go into JSON as forwardedLogs with source, time and message', () => {
    const json = toJsonActivation(forwardingActivation(), { late: false, logs: true, forwarded: [forwarded('hi')] });
    expect(json.forwardedLogs).toEqual([
      { source: 'papertrail', time: Date.UTC(2024, 0, 1, 0, 0, 0, 200), message: 'hi' },
    ]);
    expect(toJsonActivation(forwardingActivation(), { late: false, logs: true })).not.toHaveProperty('forwardedLogs');
  });

  it('never carry escape sequences to the terminal', () => {
    const text = textLines(forwardingActivation(), false, {
      logs: true,
      paint,
      forwarded: [forwarded('\u001b]52;c;ZXZpbA==\u0007\u001b[2Jgotcha')],
    });
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain('gotcha');
  });
});

describe('entries of their own', () => {
  const entry = {
    activationId: ID,
    fn: 'api/webhook',
    functionPath: '/fn-x/api/webhook',
    lines: [forwarded('web call')],
  };

  it('are marked when the activation has no record', () => {
    const text = forwardedEntryText({ ...entry, activationRecord: false }, paint);
    expect(text).toBe(
      `2024-01-01T00:00:00.200Z  forwarded  api/webhook                         -        ${ID}  (no activation record)\n    [papertrail] web call\n`,
    );
  });

  it('are marked as more lines when their activation was printed before', () => {
    expect(forwardedEntryText({ ...entry, activationRecord: true }, paint)).toContain('(more forwarded lines)');
  });

  it('have a JSON form that says whether there is a record', () => {
    expect(toJsonForwardedEntry({ ...entry, activationRecord: false })).toEqual({
      activationId: ID,
      function: 'api/webhook',
      functionPath: '/fn-x/api/webhook',
      activationRecord: false,
      forwardedLogs: [{ source: 'papertrail', time: Date.UTC(2024, 0, 1, 0, 0, 0, 200), message: 'web call' }],
    });
  });
});
