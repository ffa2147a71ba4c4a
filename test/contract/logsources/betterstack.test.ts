// The Better Stack read client against the emulated live tail: pagination.next followed unchanged,
// overlapping windows deduped, 429 with Retry-After, and auth failures without the token.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BetterstackFollower } from '../../../src/api/logsources/betterstack.js';
import { betterstack, destinations, invokeTimes, linesDelivered, rejectionOf } from './harness.js';

const IMAGE = { url: 'https://cdn.example.com/u/1.jpg' };

describe('Better Stack live-tail client', () => {
  it('follows pagination.next to the end of the window, then hands out only new lines', async () => {
    const { target, delivered } = await destinations();
    await invokeTimes(target, 'images/thumbnail', 30, IMAGE);
    await linesDelivered(delivered, 60);
    const follower = new BetterstackFollower(betterstack(target), {
      sourceIds: target.logSources.betterstack.sourceIds.map(String),
      since: Date.now() - 60_000,
      batch: 50,
    });
    const first = await follower.poll();
    expect(first.more).toBe(false);
    expect(first.lines.map((line) => [line.activationId, line.message]).sort()).toEqual(
      delivered.map((line) => [line.activationId, line.message]).sort(),
    );

    await invokeTimes(target, 'images/thumbnail', 1, IMAGE);
    await linesDelivered(delivered, 62);
    const second = await follower.poll();
    expect(second.lines.map((line) => line.message)).toEqual(delivered.slice(60).map((line) => line.message));
  });

  it('keeps a next link only for the parameters it was made for', async () => {
    const { target, delivered } = await destinations();
    await invokeTimes(target, 'images/thumbnail', 30, IMAGE);
    await linesDelivered(delivered, 60);
    const client = betterstack(target);
    const page = await client.liveTail({
      sourceIds: target.logSources.betterstack.sourceIds.map(String),
      batch: 50,
      from: Date.now() - 60_000,
      to: Date.now(),
      order: 'oldest_first',
    });
    expect(page.data).toHaveLength(50);
    expect((await client.next(page.pagination!.next!)).data).toHaveLength(10);
    const changed = page.pagination!.next!.replace('batch=50', 'batch=60');
    expect(await rejectionOf(client.next(changed))).toMatchObject({ kind: 'usage', status: 400 });
  });

  it('refuses a next link to another host (the token would go along)', async () => {
    const { target } = await destinations();
    const error = await rejectionOf(
      betterstack(target).next('https://elsewhere.example.com/api/v2/query/live-tail?cursor=x'),
    );
    expect(error).toMatchObject({ kind: 'bad-response' });
  });

  it('a 429 is rate-limited with the Retry-After wait', async () => {
    const { target } = await destinations();
    target.setLogSourceFaults('betterstack', '429:1');
    const follower = new BetterstackFollower(betterstack(target), { sourceIds: ['1'], since: 0 });
    expect(await rejectionOf(follower.poll())).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
  });

  it('a wrong token is an auth error without the token', async () => {
    const { target } = await destinations();
    const wrong = 'wrong-betterstack-token-01234';
    const follower = new BetterstackFollower(betterstack(target, wrong), { sourceIds: ['1'], since: 0 });
    const error = await rejectionOf(follower.poll());
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(`${error.message} ${inspect(error)}`).not.toContain(wrong);
  });
});
