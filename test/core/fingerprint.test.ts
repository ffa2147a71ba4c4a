import { describe, expect, it } from 'vitest';
import { FingerprintIndex } from '../../src/core/fingerprint.js';
import { act, failure } from './insight-activations.js';

const T0 = 1_700_000_000_000;

describe('FingerprintIndex', () => {
  it('groups failures by masked message with count, first and last seen, functions and newest example', () => {
    const index = new FingerprintIndex();
    const newest = failure('user 9034 not found', { start: T0 + 20, fn: 'api/users' });
    index.add([
      failure('user 4821 not found', { start: T0 + 10, fn: 'api/users' }),
      newest,
      failure('user 1177 not found', { start: T0, fn: 'api/admin' }),
      failure('card declined', { start: T0 + 5 }),
    ]);
    const [users, card] = index.list();
    expect(users).toEqual({
      pattern: 'user <n> not found',
      count: 3,
      firstSeen: T0,
      lastSeen: T0 + 20,
      functions: ['api/admin', 'api/users'],
      newestId: newest.id,
      example: 'user 9034 not found',
      isNew: true,
    });
    expect(card).toMatchObject({ pattern: 'card declined', count: 1 });
  });

  it('lists the most recently seen fingerprint first', () => {
    const index = new FingerprintIndex();
    index.add([failure('a', { start: T0 + 50 }), failure('b', { start: T0 + 90 }), failure('c', { start: T0 })]);
    expect(index.list().map((fingerprint) => fingerprint.pattern)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the newest example when an older failure arrives late', () => {
    const index = new FingerprintIndex();
    const newest = failure('boom 2', { start: T0 + 100 });
    index.add([newest, failure('boom 1', { start: T0 })]);
    expect(index.list()[0]).toMatchObject({ count: 2, newestId: newest.id, firstSeen: T0, example: 'boom 2' });
  });

  it('ignores successes, failures without a message and ids already counted', () => {
    const index = new FingerprintIndex();
    const counted = failure('boom');
    index.add([act(), act({ status: 'internal', statusCode: 3 }), counted, counted]);
    expect(index.list()).toHaveLength(1);
    expect(index.list()[0]!.count).toBe(1);
  });

  it('marks fingerprints new until acknowledged, and only newer ones afterwards', () => {
    const index = new FingerprintIndex();
    index.add([failure('card declined')]);
    expect(index.newCount).toBe(1);
    index.acknowledge();
    index.add([failure('card declined'), failure('signature mismatch')]);
    expect(index.list().map((fingerprint) => [fingerprint.pattern, fingerprint.isNew])).toEqual([
      ['card declined', false],
      ['signature mismatch', true],
    ]);
    expect(index.newCount).toBe(1);
  });

  it('returns the same list until something changes', () => {
    const index = new FingerprintIndex();
    index.add([failure('boom')]);
    const list = index.list();
    expect(index.list()).toBe(list);
    index.add([failure('bang')]);
    expect(index.list()).not.toBe(list);
  });

  it('drops the fingerprints seen longest ago beyond its capacity', () => {
    const index = new FingerprintIndex(2);
    index.add([
      failure('old', { start: T0 }),
      failure('middle', { start: T0 + 1 }),
      failure('recent', { start: T0 + 2 }),
    ]);
    expect(index.list().map((fingerprint) => fingerprint.pattern)).toEqual(['recent', 'middle']);
  });

  it('shows a sanitised, bounded example', () => {
    const index = new FingerprintIndex();
    index.add([failure(`\x1b]0;title\x07boom ${'y'.repeat(5000)}`)]);
    const { example } = index.list()[0]!;
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(example).not.toMatch(/[\x00-\x1f]/);
    expect(example.length).toBeLessThanOrEqual(500);
  });
});
