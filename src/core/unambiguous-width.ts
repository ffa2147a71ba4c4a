// Makes text take the same number of columns in every terminal and in Ink's layout. Ink measures a
// grapheme cluster as one unit (string-width); most terminals (xterm, VTE, tmux, VS Code) add up
// the widths of its code points. They disagree on emoji sequences (👩‍💻: 2 vs 4), emoji
// presentation selectors (⚠️: 2 vs 1), skin tones, keycaps, decomposed Hangul and some Indic
// conjuncts, and each disagreement shifts the rest of a row. Such a cluster is rewritten so that
// both ways of counting agree: composed (NFC), without variation selectors, and if it still
// disagrees, split into its spacing characters (each with its marks) with zero-width spaces between.
// Text whose clusters already agree (nearly all text) comes back unchanged.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter();
const ZERO_WIDTH_SPACE = '\u200b';
const VARIATION_SELECTORS = /[\ufe00-\ufe0f]|\udb40[\udd00-\uddef]/g;
// A cluster can only disagree when it has more than one code point, so ASCII (and any character
// standing alone) is left to itself; one ASCII character before a run is kept for keycaps like 1️⃣.
const NON_ASCII_RUN = /[\x20-\x7e]?[\u0080-\uffff]+/g;

export function unambiguousWidth(text: string): string {
  return text.replace(NON_ASCII_RUN, (run) => {
    let out = '';
    for (const { segment } of graphemes.segment(run)) out += agrees(segment) ? segment : rewrite(segment);
    return out;
  });
}

function codePointWidth(text: string): number {
  let width = 0;
  for (const char of text) width += stringWidth(char);
  return width;
}

/** Ink's width of the cluster equals the terminal's sum over its code points. */
function agrees(cluster: string): boolean {
  if (cluster.length === 1 || (cluster.length === 2 && cluster.codePointAt(0)! > 0xffff)) return true;
  return stringWidth(cluster) === codePointWidth(cluster);
}

function allAgree(text: string): boolean {
  for (const { segment } of graphemes.segment(text)) if (!agrees(segment)) return false;
  return true;
}

function rewrite(cluster: string): string {
  const composed = cluster.normalize('NFC').replace(VARIATION_SELECTORS, '');
  if (allAgree(composed)) return composed;
  return spacingRuns(composed)
    .map((run) => (agrees(run) ? run : String.fromCodePoint(run.codePointAt(0)!)))
    .join(ZERO_WIDTH_SPACE);
}

/** Each character that takes a column, with the zero-width characters that follow it. */
function spacingRuns(text: string): string[] {
  const runs: string[] = [];
  for (const char of text) {
    if (runs.length > 0 && stringWidth(char) === 0) runs[runs.length - 1] += char;
    else runs.push(char);
  }
  return runs;
}
