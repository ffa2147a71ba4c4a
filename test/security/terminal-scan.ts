/* eslint-disable no-control-regex -- finding control characters is this module's whole job */
// Scanners for what reached a terminal. Plain output (tail, get, logs with NO_COLOR) must hold no
// character a terminal acts on at all. The monitor's output holds fnmon's own sequences (colours,
// cursor moves, the alternate screen, synchronised updates): everything else is foreign, i.e. a
// function's payload that got through.

/** Characters a terminal acts on or that reorder text: C0 (but newline), DEL, C1, bidi controls, lone surrogates. */
const UNSAFE_IN_PLAIN =
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Every unsafe character of plain output, with a little context, for a readable failure. */
export function unsafeInPlainText(text: string): string[] {
  return [...text.matchAll(UNSAFE_IN_PLAIN)].map((match) =>
    JSON.stringify(text.slice(Math.max(0, match.index - 20), match.index + 20)),
  );
}

// The sequences Ink and fnmon write: SGR colours, cursor and erase moves, the cursor's visibility,
// the alternate screen and synchronised output. Device queries, clears of the whole screen or
// scrollback, titles, clipboard, hyperlinks and DCS/APC strings are none of them.
const OWN_SEQUENCE = /^\x1b\[(?:[\d;]*[mABCDEFGHK]|J|0J|\?(?:25|1049|2026)[hl])$/;
const ANY_SEQUENCE = /\x1b(?:\[[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]|[\s\S]?)/g;
/** C0 controls but ESC, newline and carriage return; DEL; C1 controls. */
const STRAY_CONTROL = /[\x00-\x09\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f]/g;

/** Escape sequences and control characters in the monitor's raw output that fnmon does not emit itself. */
export function foreignSequences(raw: string): string[] {
  const foreign = new Set<string>();
  for (const [sequence] of raw.matchAll(ANY_SEQUENCE)) {
    if (!OWN_SEQUENCE.test(sequence)) foreign.add(JSON.stringify(sequence));
  }
  for (const [control] of raw.matchAll(STRAY_CONTROL)) foreign.add(JSON.stringify(control));
  return [...foreign];
}
