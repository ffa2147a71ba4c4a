// A styled line as one string with SGR codes, so a row is one Ink <Text> rather than one per
// segment: each segment's <Text> cost React fibers, a chalk transform and a text node per frame
// (bench/: render). Each segment's characters carry exactly the styles, in the same order, that
// Ink's <Text> props give them through chalk (dim innermost, inverse outermost), so Ink draws the
// same bytes. Between segments the string says only what changes, the way Ink's output grid
// writes a line back out: Ink then finds the line it tokenised already instead of tokenising it
// twice a frame.
import type { Color, Segment, StyledLine } from './styled-line.js';

const COLOR_CODE: Readonly<Record<Color, number>> = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
};

/** An SGR style: its code and the code that ends it (bold and dim share 22). */
interface Code {
  on: number;
  off: number;
}

const BOLD: Code = { on: 1, off: 22 };
const DIM: Code = { on: 2, off: 22 };
const UNDERLINE: Code = { on: 4, off: 24 };
const INVERSE: Code = { on: 7, off: 27 };
const COLOR_CODES = new Map(Object.entries(COLOR_CODE).map(([color, on]) => [color, { on, off: 39 }]));
const STARTS = new Map([BOLD, DIM, UNDERLINE, INVERSE, ...COLOR_CODES.values()].map((code) => [code.on, code]));

/** The line's text, with each segment's styles as SGR codes when `colour` is on. */
export function ansiLine(line: StyledLine, colour: boolean): string {
  if (!colour) return line.map((part) => part.text).join('');
  let out = '';
  let active: readonly Code[] = [];
  for (const part of line) {
    if (part.text === '') continue;
    const wanted = stylesOf(part);
    if (!sameCodes(active, wanted)) {
      const change = difference(active, wanted);
      // Saying only what changes can leave the styles in another order; then start afresh.
      out += sameCodes(applied(active, change), wanted)
        ? sgr(change)
        : sgr(difference(active, [])) + sgr(wanted.map((code) => code.on));
      active = wanted;
    }
    out += part.text;
  }
  return out + sgr(difference(active, []));
}

/** The order the styles open in when chalk nests them as Ink's <Text> applies its props. */
function stylesOf(part: Segment): Code[] {
  const codes: Code[] = [];
  if (part.inverse) codes.push(INVERSE);
  if (part.underline) codes.push(UNDERLINE);
  if (part.bold) codes.push(BOLD);
  if (part.color) codes.push(COLOR_CODES.get(part.color)!);
  if (part.dim) codes.push(DIM);
  return codes;
}

const isIntensity = (code: Code) => code.off === 22;

/** The codes that turn `from` into `to`: ends of what goes, then starts of what comes (as Ink writes them). */
function difference(from: readonly Code[], to: readonly Code[]): number[] {
  const undone = from.filter((code) =>
    isIntensity(code) ? !to.some((kept) => kept.on === code.on) : !to.some((kept) => kept.off === code.off),
  );
  // 22 ends both bold and dim: one that stays is started again.
  const reopens = undone.some(isIntensity);
  const started = to.filter((code) => !from.some((had) => had.on === code.on) || (reopens && isIntensity(code)));
  return [...undone.reverse().map((code) => code.off), ...started.map((code) => code.on)];
}

/** The styles in force after `codes`, as a terminal (and Ink) reads them. */
function applied(from: readonly Code[], codes: readonly number[]): Code[] {
  let active = [...from];
  for (const on of codes) {
    const code = STARTS.get(on);
    if (!code) active = active.filter((held) => held.off !== on);
    else if (isIntensity(code)) active = active.some((held) => held.on === on) ? active : [...active, code];
    else active = [...active.filter((held) => held.off !== code.off), code];
  }
  return active;
}

function sameCodes(a: readonly Code[], b: readonly Code[]): boolean {
  return a.length === b.length && a.every((code, index) => code.on === b[index]!.on);
}

/** Each code once, in order. */
function sgr(codes: readonly number[]): string {
  return [...new Set(codes)].map((code) => `\x1b[${code}m`).join('');
}
