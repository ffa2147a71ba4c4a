// What each destination's line carries (log-forwarding.md §3.2, §5–§7): the activation id, the
// function path, the text and the time, taken apart per service. Pure functions, no network.
import { describe, expect, it } from 'vitest';
import { betterstackLine, betterstackTime } from '../../../src/api/logsources/betterstack.js';
import { RecentKeys, parseServiceTime, readRateLimitHeaders } from '../../../src/api/logsources/common.js';
import { datadogApiUrl, datadogLine, datadogNamespaceQuery } from '../../../src/api/logsources/datadog.js';
import { papertrailLines, quoteBareIds } from '../../../src/api/logsources/papertrail.js';
import type { DatadogLog } from '../../../src/api/types.js';

const ID = '9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11';
const PATH = '/fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc/billing/charge';
const runtimeLine = (message: string, dt = '2024-01-01 00:00:00.130512345 UTC') =>
  JSON.stringify({ message, dt, host: PATH, appname: PATH, activationId: ID });

describe('Papertrail events', () => {
  it('splits an event into its newline-joined runtime lines, each with the activation and its own time', () => {
    const event = {
      id: '7711561783320576001',
      received_at: '2023-12-31T17:00:01-07:00',
      message: `${runtimeLine('charging order 1234')}\n${runtimeLine('charged', '2024-01-01 00:00:00.250000000 UTC')}`,
    };
    expect(papertrailLines(event)).toEqual([
      {
        key: '7711561783320576001/0',
        time: Date.UTC(2024, 0, 1, 0, 0, 0, 130),
        activationId: ID,
        functionPath: PATH,
        message: 'charging order 1234',
      },
      {
        key: '7711561783320576001/1',
        time: Date.UTC(2024, 0, 1, 0, 0, 0, 250),
        activationId: ID,
        functionPath: PATH,
        message: 'charged',
      },
    ]);
  });

  it('skips parts that are not runtime lines: plain text, other JSON, malformed activation ids', () => {
    const event = {
      id: '1',
      received_at: '2024-01-01T00:00:00Z',
      message: [
        'plain syslog text',
        '{"level":"info"}',
        JSON.stringify({ message: 'x', activationId: 'not-an-id\u001b[31m' }),
      ].join('\n'),
    };
    expect(papertrailLines(event)).toEqual([]);
  });

  it('falls back to received_at (with its offset) when a line has no usable dt', () => {
    const event = {
      id: '2',
      received_at: '2023-12-31T17:00:01-07:00',
      message: JSON.stringify({ message: 'm', activationId: ID }),
    };
    expect(papertrailLines(event)[0]).toMatchObject({ time: Date.UTC(2024, 0, 1, 0, 0, 1), message: 'm' });
    expect(papertrailLines(event)[0]).not.toHaveProperty('functionPath');
  });

  it('quotes bare 64-bit ids before parsing, and nothing inside strings', () => {
    const body =
      '{"events":[{"id":7711561783320576001,"message":"{\\"id\\":5}"}],"min_id":7711561783320576000,"max_id":7711561783320576001}';
    const parsed = JSON.parse(quoteBareIds(body)) as { events: { id: string; message: string }[]; max_id: string };
    expect(parsed.events[0]).toEqual({ id: '7711561783320576001', message: '{"id":5}' });
    expect(parsed.max_id).toBe('7711561783320576001');
  });
});

describe('Datadog logs', () => {
  const log = (attributes: DatadogLog['attributes']): DatadogLog => ({ id: 'AQAAAY1', type: 'log', attributes });

  it('takes the activation from the activationid tag and the path from service', () => {
    const line = datadogLine(
      log({
        timestamp: '2024-01-01T00:00:00.130Z',
        message: 'charging',
        service: PATH,
        tags: [`host:${PATH}`, `activationid:${ID}`],
      }),
    );
    expect(line).toEqual({
      key: 'AQAAAY1',
      time: Date.UTC(2024, 0, 1, 0, 0, 0, 130),
      activationId: ID,
      functionPath: PATH,
      message: 'charging',
    });
  });

  it('shows a JSON line (no message) as its own fields, and finds the path in the source tag without a service', () => {
    const line = datadogLine(
      log({
        timestamp: '2024-01-01T00:00:00Z',
        tags: [`activationid:${ID}`, `source:${PATH}`],
        attributes: { level: 'info', orderId: 7 },
      }),
    );
    expect(line).toMatchObject({ functionPath: PATH, message: '{"level":"info","orderId":7}' });
  });

  it('ignores logs without a well-formed activationid tag', () => {
    expect(datadogLine(log({ message: 'x', tags: ['activationid:zzz'] }))).toBeUndefined();
    expect(datadogLine(log({ message: 'x' }))).toBeUndefined();
  });

  it('derives the API host from the site, an intake host or an API host', () => {
    expect(datadogApiUrl('datadoghq.eu')).toBe('https://api.datadoghq.eu');
    expect(datadogApiUrl('https://http-intake.logs.us5.datadoghq.com')).toBe('https://api.us5.datadoghq.com');
    expect(datadogApiUrl('api.datadoghq.com')).toBe('https://api.datadoghq.com');
  });

  it('escapes the namespace path in the service query', () => {
    expect(datadogNamespaceQuery('fn-abc')).toBe('service:\\/fn\\-abc\\/*');
  });
});

describe('Better Stack rows', () => {
  it('keys a row by (dt, activationId, message) and reads its microsecond dt as UTC', () => {
    const row = { dt: '2024-01-01 00:00:00.130512', message: 'hi', activationId: ID, appname: PATH, source_id: '1' };
    const line = betterstackLine(row);
    expect(line).toMatchObject({
      time: Date.UTC(2024, 0, 1, 0, 0, 0, 130),
      activationId: ID,
      functionPath: PATH,
      message: 'hi',
    });
    expect(betterstackLine({ ...row })?.key).toBe(line?.key);
    expect(betterstackLine({ ...row, message: 'other' })?.key).not.toBe(line?.key);
  });

  it('skips rows from other senders', () => {
    expect(betterstackLine({ dt: '2024-01-01 00:00:00', message: 'x' })).toBeUndefined();
    expect(betterstackLine({ dt: '2024-01-01 00:00:00', activationId: ID })).toBeUndefined();
  });

  it('sends times in the documented form', () => {
    expect(betterstackTime(Date.UTC(2022, 6, 19, 13, 32, 56, 999))).toBe('2022-07-19T13:32:56+0000');
  });
});

describe('shared pieces', () => {
  it('parses the runtime, Better Stack and ISO timestamp forms', () => {
    const expected = Date.UTC(2024, 0, 1, 0, 0, 0, 130);
    expect(parseServiceTime('2024-01-01 00:00:00.130512345 UTC')).toBe(expected);
    expect(parseServiceTime('2024-01-01 00:00:00.130512')).toBe(expected);
    expect(parseServiceTime('2023-12-31T17:00:00.130-07:00')).toBe(expected);
    expect(parseServiceTime('yesterday')).toBeUndefined();
    expect(parseServiceTime(42)).toBeUndefined();
  });

  it('reads rate-limit resets as seconds from now, or as an epoch when they look like one', () => {
    const now = 1_700_000_000_000;
    expect(
      readRateLimitHeaders(
        { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' },
        'x-ratelimit',
        now,
      ),
    ).toEqual({
      limit: 300,
      remaining: 0,
      resetAtMs: now + 12_000,
    });
    expect(readRateLimitHeaders({ 'x-rate-limit-reset': '1700000060' }, 'x-rate-limit', now)).toEqual({
      resetAtMs: 1_700_000_060_000,
    });
    expect(readRateLimitHeaders({ 'x-ratelimit-remaining': 'lots' }, 'x-ratelimit', now)).toBeUndefined();
  });

  it('remembers keys until they fall out of the window or the cap', () => {
    const keys = new RecentKeys(2);
    expect(keys.add('a', 1)).toBe(true);
    expect(keys.add('a', 1)).toBe(false);
    keys.add('b', 5);
    keys.add('c', 6);
    expect(keys.add('a', 1)).toBe(true);
    keys.forgetBefore(6);
    expect(keys.size).toBe(1);
    expect(keys.add('c', 6)).toBe(false);
  });
});
