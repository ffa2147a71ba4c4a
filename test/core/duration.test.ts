import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationExact, parseDuration, parseSinceArg } from '../../src/core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['2d', 172_800_000],
    ['1.5s', 1500],
    ['1h30m', 5_400_000],
    ['2m03s', 123_000],
    ['0ms', 0],
    [' 10s ', 10_000],
  ])('%s -> %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '10', '-5s', '5 s', '5x', 's', '1e3ms', '5sm', 'ms', '9'.repeat(30) + 'd'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('parseSinceArg', () => {
  const now = Date.UTC(2024, 0, 2, 12, 0, 0);

  it('takes a duration as "that long ago"', () => {
    expect(parseSinceArg('15m', now)).toBe(now - 15 * 60_000);
  });

  it('takes ISO 8601 date-times with Z or an offset', () => {
    expect(parseSinceArg('2024-01-01T10:00:00Z', now)).toBe(Date.UTC(2024, 0, 1, 10));
    expect(parseSinceArg('2024-01-01T10:00:00.250Z', now)).toBe(Date.UTC(2024, 0, 1, 10, 0, 0, 250));
    expect(parseSinceArg('2024-01-01T10:00+02:00', now)).toBe(Date.UTC(2024, 0, 1, 8));
    expect(parseSinceArg('2024-01-01 10:00:00+0200', now)).toBe(Date.UTC(2024, 0, 1, 8));
  });

  it('takes a bare date as UTC midnight and a zoneless time as local time', () => {
    expect(parseSinceArg('2024-01-01', now)).toBe(Date.UTC(2024, 0, 1));
    expect(parseSinceArg('2024-01-01T10:00', now)).toBe(new Date(2024, 0, 1, 10).getTime());
  });

  it.each(['yesterday', 'March 7', '2024-13-01', '2024-01-01T25:00Z', '1704067200000', ''])('rejects %j', (text) => {
    expect(parseSinceArg(text, now)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [357, '357ms'],
    [999.4, '999ms'],
    [999.6, '1.0s'],
    [1234, '1.2s'],
    [9960, '10s'],
    [42_000, '42s'],
    [59_600, '1m00s'],
    [123_000, '2m03s'],
    [3_900_000, '1h05m'],
    [183_600_000, '2d03h'],
    [-1500, '-1.5s'],
    [Number.NaN, '?'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatDurationExact', () => {
  it.each([
    [0, '0ms'],
    [500, '500ms'],
    [1500, '1500ms'],
    [2000, '2s'],
    [120_000, '2m'],
    [0.5, '0.5ms'],
  ])('%d -> %s and back', (ms, text) => {
    expect(formatDurationExact(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
