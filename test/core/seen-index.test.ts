import { describe, expect, it } from 'vitest';
import { SeenIndex } from '../../src/core/seen-index.js';

describe('SeenIndex', () => {
  it('counts known ids in an inclusive start range', () => {
    const seen = new SeenIndex();
    seen.add('a', 100);
    seen.add('b', 200);
    seen.add('c', 200);
    seen.add('d', 300);
    expect(seen.countInRange(100, 300)).toBe(4);
    expect(seen.countInRange(200, 200)).toBe(2);
    expect(seen.countInRange(101, 299)).toBe(2);
    expect(seen.countInRange(301, 400)).toBe(0);
  });

  it('refuses the same id twice', () => {
    const seen = new SeenIndex();
    expect(seen.add('a', 100)).toBe(true);
    expect(seen.add('a', 100)).toBe(false);
    expect(seen.countInRange(0, 1000)).toBe(1);
  });

  it('forgets ids that started before the cutoff', () => {
    const seen = new SeenIndex();
    seen.add('old', 50);
    seen.add('edge', 100);
    seen.add('new', 150);
    seen.forgetBefore(100);
    expect(seen.has('old')).toBe(false);
    expect(seen.has('edge')).toBe(true);
    expect(seen.size).toBe(2);
    expect(seen.countInRange(0, 1000)).toBe(2);
  });
});
