// The emulated log destinations as the services behave (log-forwarding.md §3, §5–§7): what the
// runtime sends where, web invocations without a record, and each read API's own rules.
import { describe, expect, it } from 'vitest';
import type { DeliveredLine } from '../../src/emulator/index.js';
import { emulator, eventually, ow, request } from './helpers.js';

async function withLines(fn: string, body: object, count: number) {
  const emu = await emulator({ maxDurationMs: 100 });
  const delivered: DeliveredLine[] = [];
  emu.onForwarded((line) => delivered.push(line));
  await ow(emu, `actions/${fn}`, { method: 'POST', body: JSON.stringify(body) });
  await eventually(async () => (delivered.length >= count ? true : undefined));
  return { emu, delivered };
}

describe('log forwarding in the emulator', () => {
  it('sends a forwarding function’s lines to its destination, with the runtime’s fields, and keeps the notice in the record', async () => {
    const { emu, delivered } = await withLines('api/webhook', { signature: 's', event: 'push' }, 2);
    expect(delivered.map((line) => [line.destination, line.message])).toEqual([
      ['papertrail', 'received push event'],
      ['papertrail', expect.stringMatching(/^queued job_/)],
    ]);
    const search = await request(`${emu.logSources.papertrail.url}/api/v1/events/search.json?min_time=0`, {
      headers: { 'x-papertrail-token': emu.logSources.papertrail.token },
    });
    const event = (search.body as { events: Array<{ message: string; received_at: string }> }).events[0]!;
    const first = JSON.parse(event.message.split('\n')[0]!) as Record<string, string>;
    expect(first).toEqual({
      message: 'received push event',
      dt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} UTC$/),
      host: `/${emu.namespace}/api/webhook`,
      appname: `/${emu.namespace}/api/webhook`,
      activationId: delivered[0]!.activationId,
    });
    expect(event.received_at).toMatch(/-07:00$/);
  });

  it('runs web invocations without keeping a record; their lines exist only at the destination', async () => {
    const emu = await emulator({ maxDurationMs: 100 });
    const delivered: DeliveredLine[] = [];
    emu.onForwarded((line) => delivered.push(line));
    const reply = await request(`${emu.apihost}/api/v1/web/${emu.namespace}/api/webhook?signature=s&event=push`);
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ event: 'push' });
    await eventually(async () => (delivered.length >= 2 ? true : undefined));
    expect(emu.visibleRecords()).toEqual([]);
  });

  it('answers Papertrail searches with ids as strings and the min_id cursor semantics', async () => {
    const { emu } = await withLines('api/webhook', { signature: 's' }, 2);
    const search = (query: string) =>
      request(`${emu.logSources.papertrail.url}/api/v1/events/search.json?${query}`, {
        headers: { 'x-papertrail-token': emu.logSources.papertrail.token },
      });
    const all = (await search('min_time=0')).body as { events: Array<{ id: string }>; max_id: string };
    expect(all.events.length).toBeGreaterThan(0);
    const after = (await search(`min_id=${all.max_id}`)).body as { events: unknown[]; max_id: string };
    expect(after).toMatchObject({ events: [], max_id: all.max_id });
    expect((await search('limit=0')).status).toBe(400);
    expect((await search('min_id=abc')).status).toBe(400);
  });

  it('refuses a Datadog page limit over 1000 and asks for both keys', async () => {
    const emu = await emulator();
    const { url, apiKey, appKey } = emu.logSources.datadog;
    const post = (body: object, headers: Record<string, string>) =>
      request(`${url}/api/v2/logs/events/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const keys = { 'dd-api-key': apiKey, 'dd-application-key': appKey };
    expect((await post({ page: { limit: 5000 } }, keys)).status).toBe(400);
    expect((await post({}, { 'dd-api-key': apiKey })).status).toBe(403);
    const ok = await post({ filter: { from: 'now-15m', to: 'now' } }, keys);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-ratelimit-limit')).toBe('300');
    expect(ok.headers.get('x-ratelimit-period')).toBe('3600');
    expect(ok.body).toMatchObject({ data: [], meta: { status: 'done' } });
  });

  it('insists on Better Stack source ids and a batch of 50 to 1000', async () => {
    const emu = await emulator();
    const { url, token } = emu.logSources.betterstack;
    const tail = (query: string) =>
      request(`${url}/api/v2/query/live-tail?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await tail('batch=100')).status).toBe(400);
    expect((await tail('source_ids=1&batch=10')).status).toBe(400);
    expect((await tail('source_ids=1&from=yesterday')).status).toBe(400);
    expect(await tail('source_ids=1')).toMatchObject({ status: 200, body: { data: [], pagination: { next: null } } });
  });

  it('fails one destination on demand, in that service’s format, leaving the others alone', async () => {
    const emu = await emulator();
    emu.setLogSourceFaults('datadog', '429:1');
    const { url, apiKey, appKey } = emu.logSources.datadog;
    const limited = await request(`${url}/api/v2/logs/events/search`, {
      method: 'POST',
      headers: { 'dd-api-key': apiKey, 'dd-application-key': appKey },
      body: '{}',
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    const betterstack = await request(`${emu.logSources.betterstack.url}/api/v2/query/live-tail?source_ids=1`, {
      headers: { authorization: `Bearer ${emu.logSources.betterstack.token}` },
    });
    expect(betterstack.status).toBe(200);
    expect(() => emu.setLogSourceFaults('papertrail', 'reset:1')).toThrow(/HTTP statuses only/);
  });
});
