// Correlation by activationId: lines under their activation, dedupe per source, orphan entries for
// ids the stream never delivers (after a grace period), adoption when the record turns up, bounds.
import { describe, expect, it } from 'vitest';
import { ForwardedIndex, MAX_MESSAGE_CHARS } from '../../../src/core/forwarded-index.js';
import { NS, activationId, line } from './fixtures.js';

const A = activationId(1);
const B = activationId(2);

describe('ForwardedIndex', () => {
  it('keeps each activation’s lines together, oldest first, with their source', () => {
    const index = new ForwardedIndex();
    index.add('papertrail', [line(A, 'second', 20), line(B, 'other', 5), line(A, 'first', 10)], 0);
    expect(index.linesFor(A).map((l) => [l.source, l.message])).toEqual([
      ['papertrail', 'first'],
      ['papertrail', 'second'],
    ]);
    expect(index.linesFor(B)).toHaveLength(1);
    expect(index.linesFor(activationId(3))).toEqual([]);
  });

  it('hands out a new lines array only when the activation gets new lines', () => {
    const index = new ForwardedIndex();
    index.add('papertrail', [line(A, 'one')], 0);
    const before = index.linesFor(A);
    index.add('papertrail', [line(B, 'other')], 0);
    expect(index.linesFor(A)).toBe(before);
    index.add('papertrail', [line(A, 'two')], 0);
    expect(index.linesFor(A)).not.toBe(before);
    expect(before).toHaveLength(1);
  });

  it('drops a line it has seen from the same source, but not the same key from another source', () => {
    const index = new ForwardedIndex();
    const once = line(A, 'hello');
    expect(index.add('papertrail', [once], 0)).toEqual([A]);
    expect(index.add('papertrail', [once], 0)).toEqual([]);
    index.add('datadog', [once], 0);
    expect(index.linesFor(A).map((l) => l.source)).toEqual(['papertrail', 'datadog']);
  });

  it('makes lines of an id the stream does not know an orphan entry only after the grace period', () => {
    const index = new ForwardedIndex({ orphanAfterMs: 10_000 });
    index.add('papertrail', [line(A, 'web call', 100)], 0);
    expect(index.promote(9_999)).toEqual([]);
    expect(index.orphans()).toEqual([]);
    expect(index.promote(10_000)).toEqual([A]);
    expect(index.orphans()).toEqual([
      { activationId: A, functionPath: `/${NS}/api/webhook`, fn: 'api/webhook', time: 100, lines: index.linesFor(A) },
    ]);
    expect(index.isOrphan(A)).toBe(true);
  });

  it('never orphans an id the stream delivered, before or after its lines came', () => {
    const index = new ForwardedIndex({ orphanAfterMs: 0 });
    index.markKnown([A]);
    index.add('papertrail', [line(A, 'x'), line(B, 'y')], 0);
    expect(index.promote(1)).toEqual([B]);
    expect(index.markKnown([B])).toEqual([B]);
    expect(index.orphans()).toEqual([]);
    expect(index.linesFor(B)).toHaveLength(1);
  });

  it('lists orphans oldest first, and the same array until they change', () => {
    const index = new ForwardedIndex({ orphanAfterMs: 0 });
    index.add('papertrail', [line(A, 'late', 50), line(B, 'early', 10)], 0);
    index.promote(1);
    const first = index.orphans();
    expect(first.map((entry) => entry.activationId)).toEqual([B, A]);
    expect(index.orphans()).toBe(first);
    index.add('papertrail', [line(A, 'more', 60)], 2);
    expect(index.orphans()).not.toBe(first);
    expect(index.orphans()[1]?.lines).toHaveLength(2);
  });

  it('cuts a huge line so a hostile destination cannot fill memory', () => {
    const index = new ForwardedIndex();
    index.add('papertrail', [line(A, 'x'.repeat(MAX_MESSAGE_CHARS + 10))], 0);
    expect(index.linesFor(A)[0]?.message).toHaveLength(MAX_MESSAGE_CHARS + 1);
  });

  it('stays within its line budget by dropping the activations that arrived first', () => {
    const index = new ForwardedIndex({ maxLines: 3 });
    index.add('papertrail', [line(A, '1'), line(A, '2')], 0);
    index.add('papertrail', [line(B, '3'), line(B, '4')], 0);
    expect(index.linesFor(A)).toEqual([]);
    expect(index.linesFor(B)).toHaveLength(2);
    index.add('papertrail', [line(B, '5'), line(B, '6')], 0);
    expect(index.linesFor(B).map((l) => l.message)).toEqual(['4', '5', '6']);
  });
});
