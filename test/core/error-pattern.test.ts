import { describe, expect, it } from 'vitest';
import { errorPattern } from '../../src/core/error-pattern.js';

describe('errorPattern masks the parts that vary', () => {
  it.each([
    ['numbers', 'user 4821 not found', 'user <n> not found'],
    ['decimals and versions', 'took 1.25s on node 18.17.1', 'took <n>s on node <n>'],
    ['UUIDs', 'no such order 3f1c2d4e-0000-4a1b-9c8d-123456789abc', 'no such order <uuid>'],
    ['hex ids', 'activation 9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11 failed', 'activation <hex> failed'],
    ['0x values', 'bad pointer 0x7ffee4c3', 'bad pointer <hex>'],
    [
      'letter-and-digit ids',
      'charge ch_3NqL2dKx has already been refunded',
      'charge ch_<id> has already been refunded',
    ],
    ['single-quoted values', "missing required parameter 'amount'", 'missing required parameter <str>'],
    ['double-quoted values', 'invalid amount "-5"', 'invalid amount <str>'],
    ['backquoted values', 'unknown field `colour`', 'unknown field <str>'],
    ['absolute paths', 'ENOENT: no such file /tmp/uploads/a.png', 'ENOENT: no such file <path>'],
    ['relative paths', 'cannot load ./lib/util.js', 'cannot load <path>'],
    ['paths with line numbers', 'at charge (/action/index.js:27:31)', 'at charge (<path>:<n>:<n>)'],
    ['Windows paths', 'cannot open C:\\data\\in.csv', 'cannot open <path>'],
    ['URLs', 'source image not found: https://cdn.example.com/missing/cat.jpg?w=1', 'source image not found: <url>'],
    ['e-mail addresses', 'no account for ada@example.com', 'no account for <email>'],
  ])('%s', (_kind, message, pattern) => {
    expect(errorPattern(message)).toBe(pattern);
  });

  it('gives messages that differ only in masked parts the same pattern', () => {
    expect(errorPattern('charge ch_3NqL2dKx has already been refunded')).toBe(
      errorPattern('charge ch_9xYz81Qa7 has already been refunded'),
    );
    expect(errorPattern('The action exceeded its time limits of 3000 milliseconds.')).toBe(
      errorPattern('The action exceeded its time limits of 60000 milliseconds.'),
    );
  });

  it('keeps words, function names, apostrophes and JSON keys', () => {
    expect(errorPattern("can't reach billing/charge")).toBe("can't reach billing/charge");
    expect(errorPattern('{"code":"E42","message":"boom"}')).toBe('{"code":<str>,"message":<str>}');
    expect(errorPattern('card declined')).toBe('card declined');
  });

  it('collapses whitespace and newlines into single spaces', () => {
    expect(errorPattern('  Error: boom\n    at x\t y  ')).toBe('Error: boom at x y');
  });

  it('is safe to print: control characters and escape sequences do not survive', () => {
    const pattern = errorPattern('\x1b[31mred\x1b[0m \x07bell');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(pattern).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(pattern).toContain('red');
  });

  it('reads only the start of a huge message', () => {
    const huge = `boom ${'x'.repeat(300_000)}`;
    expect(errorPattern(huge).length).toBeLessThanOrEqual(2000);
  });
});
