import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, sanitize } from '../../src/core/logline.js';
import { fitLine, lineWidth, truncateLine, wrapLine, type Segment } from '../../src/tui/view/styled-line.js';

// Sanitised text as the views get it, wide and combining characters and emoji sequences included.
const shown = fc
  .oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'grapheme-composite' }),
    fc.constantFrom('漢字', '👩\u200d💻', '⚠️', 'e\u0301\u0301', '\t', 'ＦＵＬＬ', 'x'.repeat(50)),
  )
  .map(sanitize);
const line = fc.array(
  shown.map((text): Segment => ({ text })),
  { maxLength: 6 },
);
const columns = fc.integer({ min: 0, max: 60 });
const graphemes = new Intl.Segmenter();
const graphemeWidths = (value: string) => [...graphemes.segment(value)].map(({ segment }) => displayWidth(segment));
const text = (parts: readonly Segment[]) => parts.map((part) => part.text).join('');

describe('styled line properties', () => {
  it('truncateLine never exceeds the width and fitLine is exactly the width', () => {
    fc.assert(
      fc.property(line, columns, (segments, width) => {
        expect(lineWidth(truncateLine(segments, width))).toBeLessThanOrEqual(width);
        expect(lineWidth(fitLine(segments, width))).toBe(width);
      }),
      { numRuns: 400 },
    );
  });

  it('wrapLine rows fit the width (or hold one grapheme wider than it) and keep every character', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 4, max: 60 }), (segments, width) => {
        const rows = wrapLine(segments, width, '  ');
        const widest = Math.max(0, ...segments.flatMap((part) => graphemeWidths(part.text)));
        for (const row of rows) expect(lineWidth(row)).toBeLessThanOrEqual(Math.max(width, widest));
        const content = rows.map((row, index) => text(index > 0 && row[0]?.dim ? row.slice(1) : row));
        expect(content.join('')).toBe(text(segments));
      }),
      { numRuns: 400 },
    );
  });
});
