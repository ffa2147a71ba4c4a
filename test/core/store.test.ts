import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivationStore } from '../../src/core/store.js';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';

function activation(id: string, start: number, full = false): Activation {
  const record = {
    activationId: id,
    start,
    end: start + 5,
    name: 'hello',
    namespace: 'fn-x',
    version: '0.0.1',
    annotations: [],
    ...(full ? { response: { status: 'success', success: true, result: {} }, logs: [] } : { statusCode: 0 }),
  };
  return normaliseActivation(record)!;
}

describe('ActivationStore', () => {
  it('lists newest start first, whatever the arrival order', () => {
    const store = new ActivationStore();
    store.add([activation('b', 200), activation('a', 100)]);
    store.add([activation('c', 150)]);
    expect(store.newestFirst().map((a) => a.id)).toEqual(['b', 'c', 'a']);
  });

  it('ignores an id it already holds', () => {
    const store = new ActivationStore();
    store.add([activation('a', 100)]);
    const version = store.version;
    store.add([activation('a', 100)]);
    expect(store.size).toBe(1);
    expect(store.version).toBe(version);
  });

  it('replaces a summary with the full record of the same id, in place', () => {
    const store = new ActivationStore();
    store.add([activation('a', 100), activation('b', 100), activation('c', 300)]);
    store.add([activation('b', 100, true)]);
    expect(store.get('b')?.full).toBe(true);
    expect(store.newestFirst().map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(store.size).toBe(3);
  });

  it('evicts the oldest when over capacity', () => {
    const store = new ActivationStore(3);
    store.add([1, 2, 3, 4, 5].map((n) => activation(`id${n}`, n * 100)));
    expect(store.newestFirst().map((a) => a.id)).toEqual(['id5', 'id4', 'id3']);
    expect(store.get('id1')).toBeUndefined();
    expect(store.evicted).toBe(2);
  });

  it('notifies subscribers once per change and returns a stable list between changes', () => {
    const store = new ActivationStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.add([activation('a', 1), activation('b', 2)]);
    expect(calls).toBe(1);
    expect(store.newestFirst()).toBe(store.newestFirst());
    unsubscribe();
    store.add([activation('c', 3)]);
    expect(calls).toBe(1);
  });

  it('keeps start order and arrival order among equal starts when batches arrive newest first', () => {
    const store = new ActivationStore();
    store.add([activation('d', 400), activation('c', 300)]);
    store.add([activation('b2', 200), activation('a', 100), activation('b1', 200)]);
    store.add([activation('c2', 300), activation('e', 500)]);
    expect(store.newestFirst().map((a) => a.id)).toEqual(['e', 'd', 'c2', 'c', 'b1', 'b2', 'a']);
  });

  it('takes the fuller record when one batch holds an id twice', () => {
    const store = new ActivationStore();
    store.add([activation('a', 100), activation('a', 100, true), activation('a', 100)]);
    expect(store.size).toBe(1);
    expect(store.get('a')?.full).toBe(true);
    expect(store.newestFirst().map((a) => a.id)).toEqual(['a']);
  });

  it('keeps 100,000 activations that arrive in pages, newest first, in order', () => {
    const store = new ActivationStore(100_000);
    for (let page = 0; page < 500; page++) {
      store.add(
        Array.from({ length: 200 }, (_, i) => ({ id: `${page}-${i}`, start: 1e9 - (page * 200 + i) }) as Activation),
      );
    }
    const list = store.newestFirst();
    expect(list).toHaveLength(100_000);
    expect(list.every((a, i) => i === 0 || list[i - 1]!.start >= a.start)).toBe(true);
  });

  it('keeps start order, ties in arrival order, whatever batches arrive (more than a splice takes at once too)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(50), { maxLength: 30 }), { maxLength: 8 }), (batches) => {
        const store = new ActivationStore(1_000_000);
        const arrived: Activation[] = [];
        batches.forEach((starts, b) => {
          const batch = starts.map((start, i) => ({ id: `${b}-${i}`, start }) as Activation);
          store.add(batch);
          arrived.push(...batch);
        });
        const expected = arrived.toSorted((x, y) => x.start - y.start).map((a) => a.id);
        expect(store.newestFirst().map((a) => a.id)).toEqual(expected.toReversed());
      }),
    );
    const store = new ActivationStore(100_000);
    const even = Array.from({ length: 30_000 }, (_, i) => ({ id: `e${i}`, start: 2 * i }) as Activation);
    const odd = Array.from({ length: 30_000 }, (_, i) => ({ id: `o${i}`, start: 2 * i + 1 }) as Activation);
    store.add(even);
    store.add(odd);
    expect(store.newestFirst().map((a) => a.start)).toEqual(Array.from({ length: 60_000 }, (_, i) => 59_999 - i));
  });

  it('keeps count of the failures it holds as activations arrive, are upgraded and are evicted', () => {
    const failed = (id: string, start: number, full = false) => ({
      ...activation(id, start, full),
      status: 'app-error' as const,
    });
    const store = new ActivationStore(3);
    store.add([activation('a', 100), failed('b', 200), failed('c', 300), failed('c', 300)]);
    expect(store.failures).toBe(2);
    store.add([activation('b', 200, true)]); // the full record says it succeeded
    expect(store.failures).toBe(1);
    store.add([failed('d', 400), activation('e', 500)]); // a and b are evicted
    expect(store.failures).toBe(2);
    expect(store.failures).toBe(store.newestFirst().filter((a) => a.status !== 'success').length);
  });
});
