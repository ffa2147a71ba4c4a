import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/core/line-diff.js';

describe('diffLines', () => {
  it('faces equal lines and pairs the differing ones between them', () => {
    expect(diffLines(['{', '  "a": 1', '}'], ['{', '  "a": 2', '}'])).toEqual([
      { kind: 'same', left: '{', right: '{' },
      { kind: 'changed', left: '  "a": 1', right: '  "a": 2' },
      { kind: 'same', left: '}', right: '}' },
    ]);
  });

  it('shows lines that only one side has on that side', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual([
      { kind: 'same', left: 'a', right: 'a' },
      { kind: 'removed', left: 'b' },
      { kind: 'same', left: 'c', right: 'c' },
      { kind: 'added', right: 'd' },
    ]);
  });

  it('keeps lines in step after an insertion in the middle', () => {
    const rows = diffLines(['one', 'two', 'three'], ['one', 'inserted', 'two', 'three']);
    expect(rows.map((row) => row.kind)).toEqual(['same', 'added', 'same', 'same']);
  });

  it('pairs by position when the differing middle is too long to align', () => {
    const left = Array.from({ length: 1500 }, (_, i) => `l${i}`);
    const right = Array.from({ length: 1500 }, (_, i) => `r${i}`);
    const rows = diffLines(left, right);
    expect(rows).toHaveLength(1500);
    expect(rows.every((row) => row.kind === 'changed')).toBe(true);
  });

  it('always shows every line of both sides, in order', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (left, right) => {
        const rows = diffLines(left, right);
        expect(rows.flatMap((row) => (row.left === undefined ? [] : [row.left]))).toEqual(left);
        expect(rows.flatMap((row) => (row.right === undefined ? [] : [row.right]))).toEqual(right);
        expect(rows.every((row) => (row.kind === 'same') === (row.left === row.right))).toBe(true);
      }),
    );
  });
});
