// Terminal column widths, so rows line up with wide (CJK, emoji) and combining characters.
// Measured with string-width, the same library Ink lays out with, so our widths agree with Ink's.
// Give these sanitised text: control characters count as zero columns here.
import stringWidth from 'string-width';

export const ELLIPSIS = '…';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter();

export function displayWidth(text: string): number {
  // Most text is printable ASCII, one column per character; string-width walks graphemes, which
  // cost ~70 ms for the rows of a 5,000-line log (bench/: render).
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/**
 * At most `columns` columns of `text`; when it does not fit, it is cut at a grapheme boundary and
 * ends in '…'. Stops reading as soon as the limit is passed, so huge lines cost only what is shown.
 */
export function truncateToWidth(text: string, columns: number): string {
  if (columns <= 0) return '';
  // Fast path: if the first columns+1 characters are printable ASCII, code units are columns.
  if (PRINTABLE_ASCII.test(text.slice(0, columns + 1))) {
    return text.length <= columns ? text : text.slice(0, columns - 1) + ELLIPSIS;
  }
  let width = 0;
  let cutBeforeEllipsis = 0; // end of the longest prefix that leaves a column for the ellipsis
  for (const { segment, index } of graphemes.segment(text)) {
    width += stringWidth(segment);
    if (width > columns) return text.slice(0, cutBeforeEllipsis) + ELLIPSIS;
    if (width <= columns - 1) cutBeforeEllipsis = index + segment.length;
  }
  return text;
}

/** Exactly `columns` columns: truncated as above, then padded with spaces on the right. */
export function padToWidth(text: string, columns: number): string {
  const fitted = truncateToWidth(text, columns);
  return fitted + ' '.repeat(Math.max(0, columns - displayWidth(fitted)));
}
