import { describe, expect, it } from 'vitest';
import { sparkline, unicodeBlocksLikely } from '../../src/core/sparkline.js';

describe('sparkline', () => {
  it('draws one block per value, scaled to the largest', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
  });

  it('leaves zero blank and gives any positive value at least the lowest block', () => {
    expect(sparkline([0, 1, 0, 1000])).toBe(' ▁ █');
  });

  it('uses an ASCII ramp when asked', () => {
    expect(sparkline([0, 1, 4, 8], { ascii: true })).toBe(' _:#');
    expect(sparkline([0, 1, 4, 8], { ascii: true })).toMatch(/^[\x20-\x7e]*$/);
  });

  it('shares a scale when given a max', () => {
    expect(sparkline([1, 2], { max: 16 })).toBe('▁▁');
    expect(sparkline([32], { max: 16 })).toBe('█');
  });

  it('is blank for an all-zero or empty series', () => {
    expect(sparkline([0, 0, 0])).toBe('   ');
    expect(sparkline([])).toBe('');
  });
});

describe('unicodeBlocksLikely', () => {
  it('trusts a UTF-8 locale, LC_ALL first', () => {
    expect(unicodeBlocksLikely({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(unicodeBlocksLikely({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(unicodeBlocksLikely({ LC_CTYPE: 'de_DE.utf8' })).toBe(true);
  });

  it('says no without a locale or on the Linux console', () => {
    expect(unicodeBlocksLikely({})).toBe(false);
    expect(unicodeBlocksLikely({ LANG: 'en_US.UTF-8', TERM: 'linux' })).toBe(false);
  });
});
