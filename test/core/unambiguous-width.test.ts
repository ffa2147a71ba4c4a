import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { unambiguousWidth } from '../../src/core/unambiguous-width.js';

/** How terminals that add up code points (xterm, VTE, tmux, VS Code) measure text. */
const codePointWidth = (text: string) => [...text].reduce((sum, char) => sum + stringWidth(char), 0);

describe('unambiguousWidth', () => {
  it.each([
    ['plain ASCII', 'hello world'],
    ['CJK', '漢字テスト'],
    ['a single emoji', '🎉✅'],
    ['combining accents', 'e\u0301\u0301 a\u0489'],
    ['a flag', '🇺🇸'],
    ['a Thai cluster', 'ที่'],
  ])('leaves text whose clusters agree alone: %s', (_kind, text) => {
    expect(unambiguousWidth(text)).toBe(text);
  });

  it.each([
    ['an emoji presentation selector', '⚠️ warning', '⚠ warning'],
    ['a keycap', '1️⃣', '1'],
    ['decomposed Hangul', '\u1100\u1161', '\uac00'],
    ['a ZWJ sequence', '👩\u200d💻', '👩\u200d\u200b💻'],
    ['a skin tone', '👍🏽', '👍\u200b🏽'],
    ['a flag sequence with a selector', '🏳️\u200d🌈', '🏳\u200d\u200b🌈'],
    ['an Indic conjunct', 'स्ते', 'स्\u200bते'],
  ])('rewrites %s so that Ink and terminals count the same columns', (_kind, text, rewritten) => {
    const out = unambiguousWidth(text);
    expect(out).toBe(rewritten);
    expect(stringWidth(out)).toBe(codePointWidth(out));
  });
});
