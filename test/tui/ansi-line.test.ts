// A row's segments as one SGR string: the styles each character gets (in chalk's nesting order, as
// Ink's <Text> props give them), written the way Ink writes a line back out. Checked against Ink's
// own nested <Text> output, byte for byte, while this was written; these pin the encoding.
import { describe, expect, it } from 'vitest';
import { ansiLine } from '../../src/tui/view/ansi-line.js';
import { segment } from '../../src/tui/view/styled-line.js';

const E = '\x1b[';

describe('ansiLine', () => {
  it('is the plain text without colour', () => {
    expect(ansiLine([segment('a', { bold: true, color: 'red' }), segment(' b')], false)).toBe('a b');
  });

  it('opens styles outermost first and closes them innermost first, each code once', () => {
    expect(ansiLine([segment('x', { color: 'cyan', bold: true, dim: true })], true)).toBe(
      `${E}1m${E}36m${E}2mx${E}22m${E}39m`,
    );
  });

  it('writes only what changes between segments, and nothing for empty ones', () => {
    const line = [segment('a', { dim: true }), segment(''), segment(' '), segment('b', { dim: true })];
    expect(ansiLine(line, true)).toBe(`${E}2ma${E}22m ${E}2mb${E}22m`);
    expect(ansiLine([segment('a', { bold: true }), segment('b', { dim: true })], true)).toBe(
      `${E}1ma${E}22m${E}2mb${E}22m`,
    );
    const selected = [segment('›', { inverse: true, bold: true, color: 'cyan' }), segment(' x', { inverse: true })];
    expect(ansiLine(selected, true)).toBe(`${E}7m${E}1m${E}36m›${E}39m${E}22m x${E}27m`);
  });

  it('starts afresh where a change would leave the styles in another order', () => {
    // Adding bold to dim would put it after dim; chalk's nesting has bold first.
    expect(ansiLine([segment('a', { dim: true }), segment('b', { bold: true, dim: true })], true)).toBe(
      `${E}2ma${E}22m${E}1m${E}2mb${E}22m`,
    );
  });
});
