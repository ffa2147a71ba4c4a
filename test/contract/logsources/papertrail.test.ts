// The Papertrail read client against the emulated Papertrail: min_id paging, multi-line events,
// rate-limit headers and 429s, and auth failures that never show the token.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PapertrailFollower } from '../../../src/api/logsources/papertrail.js';
import { destinations, invokeTimes, linesDelivered, papertrail, rejectionOf } from './harness.js';

const SIGNED = { signature: 'sha256=1', event: 'push' };

describe('Papertrail search client', () => {
  it('pages forward with min_id and hands out each runtime line once, with its activation', async () => {
    const { target, delivered } = await destinations();
    const ids = await invokeTimes(target, 'api/webhook', 4, SIGNED);
    const expected = await linesDelivered(delivered, 8);
    const follower = new PapertrailFollower(papertrail(target), { since: Date.now() - 60_000, pageLimit: 1 });

    const first = await follower.poll();
    const second = await follower.poll();
    const lines = [...first.lines, ...second.lines];

    expect(lines.map((line) => [line.activationId, line.message]).sort()).toEqual(
      expected.map((line) => [line.activationId, line.message]).sort(),
    );
    expect(new Set(lines.map((line) => line.activationId))).toEqual(new Set(ids));
    expect(lines.every((line) => line.functionPath === `/${target.namespace}/api/webhook`)).toBe(true);

    await invokeTimes(target, 'api/webhook', 1, SIGNED);
    await linesDelivered(delivered, 10);
    const later = await follower.poll();
    expect(later.lines.map((line) => line.message)).toEqual(delivered.slice(8).map((line) => line.message));
  });

  it('reports the budget from the X-Rate-Limit headers, and a 429 as rate-limited with the time to the reset', async () => {
    const { target } = await destinations({ logSourceLimits: { papertrail: { limit: 2, periodMs: 60_000 } } });
    const client = papertrail(target);
    const first = await client.search({ minTime: 0 });
    expect(first.rateLimit).toMatchObject({ limit: 2, remaining: 1 });
    await client.search({ minTime: 0 });
    const error = await rejectionOf(client.search({ minTime: 0 }));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(0);
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('treats a forced 429 the same way', async () => {
    const { target } = await destinations();
    target.setLogSourceFaults('papertrail', '429:1');
    const error = await rejectionOf(papertrail(target).search({}));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
  });

  it('a wrong token is an auth error that names the host and never the token', async () => {
    const { target } = await destinations();
    const wrong = 'wrong-papertrail-token-0123';
    const error = await rejectionOf(papertrail(target, wrong).search({}));
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toContain('check the Papertrail API token');
    expect(`${error.message} ${inspect(error)} ${JSON.stringify(error)}`).not.toContain(wrong);
  });

  it('keeps 64-bit event ids exact', async () => {
    const { target, delivered } = await destinations();
    await invokeTimes(target, 'api/webhook', 1, SIGNED);
    await linesDelivered(delivered, 2);
    const { response } = await papertrail(target).search({ minTime: 0 });
    expect(response.events[0]?.id).toMatch(/^\d{19}$/);
    expect(BigInt(response.max_id)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });
});
