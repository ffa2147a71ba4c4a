/* eslint-disable no-control-regex -- finding control characters is this module's whole job */
// Make text that came from a function safe to put on a terminal. Nothing it returns can move the
// cursor, change colours, set the title, write the clipboard, open hyperlinks, query the terminal or
// reorder text; what cannot be shown as-is is either dropped (well-formed escape sequences, bidi
// controls) or made visible (stray control characters).
//
// Rendering choices:
// - Well-formed escape sequences are dropped whole: CSI (colours, cursor moves, clears, device
//   queries), OSC (title, clipboard, hyperlinks: the link text stays, the URI goes), DCS/SOS/PM/APC
//   strings (DECRQSS, sixel, ...), and two/three-byte ESC sequences (ESC c, ESC 7, ESC ( B, ...),
//   in both 7-bit (ESC-prefixed) and 8-bit (C1) forms. A string sequence without its terminator
//   is NOT dropped, so a stray `ESC ]` cannot hide the rest of a line.
// - Remaining C0 controls become Unicode control pictures (U+2400 block: NUL -> ␀, ESC -> ␛,
//   BEL -> ␇, BS -> ␈, lone CR -> ␍), DEL -> ␡. They are one column wide like the text around them.
// - Remaining C1 controls (U+0080-U+009F) have no pictures; they become `\x85`-style text.
// - CRLF counts as a newline. In single-line output a newline (and U+2028/U+2029) becomes ⏎.
// - Tabs expand to spaces up to the next multiple of TAB_STOP columns (see TAB_ALIGN_LIMIT).
// - Bidi embeddings, overrides, isolates and marks (U+061C, U+200E/F, U+202A-E, U+2066-9) are
//   dropped: they could make a line read differently from what it contains.
// - Lone surrogates become U+FFFD.
// - Grapheme clusters whose width terminals and Ink count differently (emoji sequences, ⚠️, …) are
//   rewritten so that every terminal gives them the same columns (unambiguous-width.ts).
import { displayWidth } from './text-width.js';
import { unambiguousWidth } from './unambiguous-width.js';

export const NEWLINE_MARKER = '⏎';
export const TAB_STOP = 4;

const ESCAPE_SEQUENCE = new RegExp(
  [
    // CSI: introducer, parameter bytes, intermediate bytes, final byte.
    '(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]',
    // OSC, DCS, SOS, PM, APC: printable payload ended by BEL or ST (ESC \ or 8-bit ST).
    '(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d-\\x9f])[^\\x00-\\x1f\\x7f-\\x9f]*(?:\\x07|\\x1b\\\\|\\x9c)',
    // Other ESC sequences; the final byte excludes the introducers above so broken ones stay visible.
    '\\x1b[\\x20-\\x2f]*[\\x30-\\x4f\\x51-\\x57\\x59\\x5a\\x5c\\x60-\\x7e]',
  ].join('|'),
  'g',
);

const UNSAFE_CHARACTER =
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const BIDI_CONTROL = /^[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]$/;

/** Single-line terminal-safe text: newlines are shown as ⏎ (see the module comment). */
export function sanitize(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  const safe = unambiguousWidth(text.replace(ESCAPE_SEQUENCE, '').replace(UNSAFE_CHARACTER, renderUnsafe));
  // A tab's last space can join a cluster with the mark after it (' 🏽'), so check again.
  return safe.includes('\t') ? unambiguousWidth(expandTabs(safe)) : safe;
}

/**
 * Multi-line terminal-safe text: split on newlines (LF or CRLF) first, then sanitise each line.
 * A single trailing newline does not add an empty last line.
 */
export function sanitizeLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map(sanitize);
}

function renderUnsafe(char: string, offset: number, whole: string): string {
  const code = char.charCodeAt(0);
  if (char === '\t') return '\t'; // expanded afterwards, when columns are known
  if (char === '\n' || char === '\u2028' || char === '\u2029') return NEWLINE_MARKER;
  if (char === '\r') return whole[offset + 1] === '\n' ? '' : '␍';
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '␡';
  if (code <= 0x9f) return `\\x${code.toString(16)}`;
  if (BIDI_CONTROL.test(char)) return '';
  return '\ufffd'; // a lone surrogate
}

// Past this column no screen shows alignment, so stop measuring (measuring is what costs on
// 256 KiB lines full of tabs and wide characters) and give each further tab TAB_STOP spaces.
const TAB_ALIGN_LIMIT = 1024;

function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  const pieces = text.split('\t');
  let column = 0;
  let out = '';
  for (let i = 0; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    if (column <= TAB_ALIGN_LIMIT) column += displayWidth(piece);
    const spaces = column <= TAB_ALIGN_LIMIT ? TAB_STOP - (column % TAB_STOP) : TAB_STOP;
    out += piece + ' '.repeat(spaces);
    column += spaces;
  }
  return out + (pieces[pieces.length - 1] ?? '');
}
