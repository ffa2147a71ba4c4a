import { describe, expect, it } from 'vitest';
import type { ErrorFingerprint } from '../../src/core/fingerprint.js';
import type { FunctionStats } from '../../src/core/stats.js';
import { painter } from '../../src/plain/colour.js';
import { fingerprintTable, statsTable } from '../../src/plain/stats-table.js';

function row(fn: string, overrides: Partial<FunctionStats> = {}): FunctionStats {
  return {
    fn,
    invocations: 12,
    failures: 0,
    errorRate: 0,
    timeouts: 0,
    coldStarts: 3,
    coldRatio: 0.25,
    nearLimit: 0,
    nearLimitRatio: 0,
    oftenNearLimit: false,
    durationP50: 120,
    durationP95: 480,
    durationP99: 1900,
    waitP95: 12,
    initP95: 310,
    gbSeconds: 0.75,
    rate: [1, 2, 0, 4],
    errors: [0, 0, 0, 0],
    ...overrides,
  };
}

const plain = { paint: painter(false), ascii: false };

describe('statsTable', () => {
  it('prints a header and one aligned line per function with a rate sparkline', () => {
    const text = statsTable(
      [row('billing/charge'), row('api/users', { invocations: 1500, failures: 3, errorRate: 0.002 })],
      plain,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^FUNCTION\s+CALLS\s+ERR%\s+TIMEOUTS\s+COLD%\s+P50\s+P95\s+P99\s+WAIT95\s+INIT95\s+GB-S\s+NEAR%\s+TREND$/,
    );
    expect(lines[1]).toMatch(
      /^billing\/charge\s+12\s+0%\s+0\s+25%\s+120ms\s+480ms\s+1\.9s\s+12ms\s+310ms\s+0\.750\s+0%\s+▂▄ █$/,
    );
    // Right-aligned numbers end in the same column as their header.
    expect(lines[1]!.indexOf('12') + 2).toBe(lines[0]!.indexOf('CALLS') + 5);
    expect(lines[2]!.indexOf('1500') + 4).toBe(lines[0]!.indexOf('CALLS') + 5);
  });

  it('sanitises and truncates function names', () => {
    const text = statsTable([row(`evil\x1b[2J${'x'.repeat(80)}`)], plain);
    expect(text).not.toContain('\x1b');
    expect(text.split('\n')[1]!.startsWith(`evil${'x'.repeat(35)}…`)).toBe(true);
  });

  it('has no colour unless painting is on, and then colours errors', () => {
    const failing = row('a', { failures: 2, errorRate: 0.5 });
    expect(statsTable([failing], plain)).not.toContain('\x1b[');
    expect(statsTable([failing], { paint: painter(true), ascii: false })).toContain('\x1b[31m');
  });

  it('draws ASCII sparklines when asked', () => {
    expect(statsTable([row('a')], { ...plain, ascii: true }).split('\n')[1]).toMatch(/\.: #$/);
  });

  it('explains the near-limit flag when a function has it', () => {
    const text = statsTable([row('slow', { nearLimit: 5, nearLimitRatio: 0.4, oftenNearLimit: true })], plain);
    expect(text).toContain('40%!');
    expect(text).toContain('! often near the time limit');
  });
});

describe('fingerprintTable', () => {
  it('lists count, last seen, functions, the newest example and the pattern', () => {
    const fingerprint: ErrorFingerprint = {
      pattern: 'user <n> not found',
      count: 7,
      firstSeen: 1_700_000_000_000,
      lastSeen: 1_700_000_060_000,
      functions: ['api/users'],
      newestId: 'ab'.repeat(16),
      example: 'user 4821 not found',
      isNew: true,
    };
    const [header, line] = fingerprintTable([fingerprint], painter(false)).split('\n');
    expect(header).toMatch(/^COUNT\s+LAST SEEN\s+FUNCTIONS\s+NEWEST\s+ERROR$/);
    expect(line).toMatch(/^ {4}7 {2}2023-11-14T22:14:20\.000Z\s+api\/users\s+(ab){16} {2}user <n> not found$/);
  });
});
