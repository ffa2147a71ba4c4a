/* eslint-disable no-control-regex -- these tests look for control characters */
import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import { painter } from '../../src/plain/colour.js';
import { textLines } from '../../src/plain/text.js';
import { coldAppErrorRecord, loadFixture } from '../core/activation-fixtures.js';

const plain = { logs: false, paint: painter(false) };

describe('text-line output', () => {
  it('shows end time, status, function, duration, cold/warm, id and the error', () => {
    const line = textLines(normaliseActivation(coldAppErrorRecord())!, false, plain);
    expect(line).toBe(
      '2024-01-01T00:00:00.480Z  app error  billing/charge                  357ms  cold  9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11  card declined\n',
    );
  });

  it('shows the first log line of a success and marks late arrivals', () => {
    const line = textLines(normaliseActivation(loadFixture('do-docs-1.json'))!, true, plain);
    expect(line).toContain('success    sample/hello');
    expect(line).toContain('warm  c15d4bacedfa4bab9d4bacedfa2bcbec  Hello sammy  (late)');
  });

  it('appends parsed log lines with --logs', () => {
    const text = textLines(normaliseActivation(coldAppErrorRecord())!, false, { ...plain, logs: true });
    expect(text.split('\n').slice(1, 3)).toEqual(['    stdout charging order 1234', '    stderr declined by processor']);
  });

  it('never passes escape sequences from a function through', () => {
    const record = { ...coldAppErrorRecord(), logs: ['\u001b]52;c;ZXZpbA==\u0007\u001b[2Jgotcha'] };
    const text = textLines(normaliseActivation(record)!, false, { ...plain, logs: true });
    expect(text).not.toMatch(/[\u001b\u0007]/);
    expect(text).toContain('gotcha');
  });

  it('colours only when asked', () => {
    const coloured = textLines(normaliseActivation(coldAppErrorRecord())!, false, { logs: false, paint: painter(true) });
    expect(coloured).toContain('\u001b[31mapp error');
  });
});
