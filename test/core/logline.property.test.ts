import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  padToWidth,
  parseLogLine,
  sanitize,
  sanitizeLines,
  truncateToWidth,
} from '../../src/core/logline.js';

// Nothing a terminal would act on: C0 (tabs too: they are expanded), DEL, C1, bidi controls, line
// and paragraph separators, lone surrogates.
// eslint-disable-next-line no-control-regex -- the point is to detect control characters
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const FRAGMENTS = [
  '\x1b',
  '[',
  ']',
  'P',
  '_',
  '^',
  'X',
  '\\',
  '\x07',
  '\x9b',
  '\x9c',
  '\x9d',
  '\x90',
  ';',
  '0',
  '52;c;',
  '8;;',
  '2J',
  '?25l',
  'm',
  'H',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\b',
  '\x00',
  '\x7f',
  '\x85',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u2028',
  '\ud800',
  '\udc00',
  '\ufffd',
  'a',
  ' ',
  '古',
  'e\u0301',
  '👩\u200d💻',
  '2022-05-13T15:13:11Z stdout: ',
  // Whole sequences a function might print: clipboard, hyperlink, device queries, DECRQSS, title.
  '\x1b]52;c;cHduZWQ=\x07',
  '\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\',
  '\x1b[>c',
  '\x1b[6n',
  '\x1bP$qm\x1b\\',
  '\x1b]0;title\x1b\\',
  // Pieces of clusters that terminals and Ink measure differently.
  '\u200d',
  '\ufe0f',
  '🏽',
  '⃣',
  '\u1100',
  '\u1161',
  'स्',
  '🇺',
];

const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
});

/** Strings built from escape-sequence pieces, controls and odd Unicode, plus arbitrary code units. */
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), codeUnitString, fc.string({ unit: 'binary' })), { maxLength: 30 })
  .map((parts) => parts.join(''));

/** How terminals that add up code points (xterm, VTE, tmux, VS Code) measure text. */
function codePointWidth(text: string): number {
  let width = 0;
  for (const char of text) width += stringWidth(char);
  return width;
}

function expectTerminalSafe(text: string): void {
  expect(UNSAFE.test(text), JSON.stringify(text)).toBe(false);
  expect(LONE_SURROGATE.test(text), JSON.stringify(text)).toBe(false);
  // Ink lays out by grapheme clusters; the terminal must agree on every column.
  expect(codePointWidth(text), JSON.stringify(text)).toBe(displayWidth(text));
}

describe('sanitizer properties', () => {
  it('sanitize never throws and never emits a control character', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const safe = sanitize(text);
        expectTerminalSafe(safe);
        expect(sanitize(safe)).toBe(safe);
      }),
      { numRuns: 500 },
    );
  });

  it('sanitizeLines emits safe lines, one per newline', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const lines = sanitizeLines(text);
        expect(lines.length).toBeGreaterThanOrEqual(1);
        for (const line of lines) expectTerminalSafe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('parseLogLine never throws; the message is what follows the prefix', () => {
    fc.assert(
      fc.property(hostileText, (line) => {
        const parsed = parseLogLine(line);
        expect(line.endsWith(parsed.message)).toBe(true);
        if (parsed.time === undefined) expect(parsed.message).toBe(line);
        else expect(line.startsWith(parsed.time)).toBe(true);
        expectTerminalSafe(sanitize(parsed.message));
      }),
      { numRuns: 300 },
    );
  });
});

describe('width properties', () => {
  const shownText = fc
    .oneof(hostileText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme-composite' }))
    .map(sanitize);

  it('truncateToWidth fits, keeps text that fits, and padToWidth is exact', () => {
    fc.assert(
      fc.property(shownText, fc.integer({ min: 0, max: 40 }), (text, columns) => {
        const truncated = truncateToWidth(text, columns);
        expect(displayWidth(truncated)).toBeLessThanOrEqual(columns);
        if (displayWidth(text) <= columns) expect(truncated).toBe(text);
        else if (columns > 0) expect(truncated.endsWith('…')).toBe(true);
        expect(displayWidth(padToWidth(text, columns))).toBe(columns);
        expect(codePointWidth(padToWidth(text, columns))).toBe(columns);
      }),
      { numRuns: 400 },
    );
  });
});
