// The Datadog read client against the emulated Datadog: windowed polling with overlap and dedupe,
// cursor paging inside a window, JSON lines, X-RateLimit-* headers, 429s and auth failures.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DatadogFollower, datadogNamespaceQuery } from '../../../src/api/logsources/datadog.js';
import { datadog, destinations, invokeTimes, linesDelivered, rejectionOf } from './harness.js';

const REFUND = { chargeId: 'ch_new' };

describe('Datadog log search client', () => {
  it('re-reads the overlap of each window but hands out every line once', async () => {
    const { target, delivered } = await destinations();
    await invokeTimes(target, 'billing/refund', 2, REFUND);
    await linesDelivered(delivered, 4);
    // An overlap longer than the test: every window re-reads everything before it.
    const follower = new DatadogFollower(datadog(target), {
      query: datadogNamespaceQuery(target.namespace),
      since: Date.now() - 60_000,
      overlapMs: 10 * 60_000,
    });
    const first = await follower.poll();
    expect(first.lines).toHaveLength(4);

    await invokeTimes(target, 'billing/refund', 1, REFUND);
    await linesDelivered(delivered, 6);
    const second = await follower.poll();
    expect(second.lines.map((line) => line.message)).toEqual(delivered.slice(4).map((line) => line.message));
    expect((await follower.poll()).lines).toEqual([]);
  });

  it('follows meta.page.after within one window, across polls when a poll reaches its page cap', async () => {
    const { target, delivered } = await destinations();
    const ids = await invokeTimes(target, 'billing/refund', 4, REFUND);
    await linesDelivered(delivered, 8);
    const follower = new DatadogFollower(datadog(target), {
      query: datadogNamespaceQuery(target.namespace),
      since: Date.now() - 60_000,
      pageLimit: 2,
    });
    const first = await follower.poll();
    expect(first).toMatchObject({ more: true });
    expect(first.lines).toHaveLength(6);
    const second = await follower.poll();
    expect(second).toMatchObject({ more: false });
    const lines = [...first.lines, ...second.lines];
    expect(new Set(lines.map((line) => line.key)).size).toBe(8);
    expect(new Set(lines.map((line) => line.activationId))).toEqual(new Set(ids));
  });

  it('takes the activation from the activationid tag, and a JSON line’s fields as its text', async () => {
    const { target, delivered } = await destinations();
    const [id] = await invokeTimes(target, 'billing/refund', 1, REFUND);
    await linesDelivered(delivered, 2);
    const follower = new DatadogFollower(datadog(target), { query: `activationid:${id}`, since: Date.now() - 60_000 });
    const { lines } = await follower.poll();
    expect(lines.map((line) => line.activationId)).toEqual([id, id]);
    expect(lines[0]).toMatchObject({
      message: 'refunding ch_new',
      functionPath: `/${target.namespace}/billing/refund`,
    });
    expect(JSON.parse(lines[1]!.message)).toMatchObject({ level: 'info', msg: 'refund created' });
  });

  it('reads the budget from X-RateLimit-* and turns a 429 into rate-limited with the time to the reset', async () => {
    const { target } = await destinations({ logSourceLimits: { datadog: { limit: 2, periodMs: 3_600_000 } } });
    const client = datadog(target);
    const first = await client.search({});
    expect(first.rateLimit).toMatchObject({ limit: 2, remaining: 1 });
    expect(first.rateLimit?.resetAtMs).toBeGreaterThan(Date.now());
    await client.search({});
    const error = await rejectionOf(client.search({}));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429 });
    expect((error as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('a wrong application key is an auth error with neither key in it', async () => {
    const { target } = await destinations();
    const wrong = 'wrong-application-key-0123456789';
    const error = await rejectionOf(datadog(target, wrong).search({}));
    expect(error).toMatchObject({ kind: 'auth', status: 403 });
    const everything = `${error.message} ${inspect(error)} ${JSON.stringify(error)}`;
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(target.logSources.datadog.apiKey);
  });
});
