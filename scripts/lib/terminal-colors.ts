// The colours of one xterm cell as CSS hex, whatever mode the program used: the terminal default,
// the 16-colour palette, the 256-colour palette or 24-bit RGB, with inverse applied. The theme is
// GitHub's dark terminal palette, so the pictures look like a terminal people know.
import type { IBufferCell } from '@xterm/headless';

export const THEME = {
  background: '#0d1117',
  foreground: '#c9d1d9',
  /** ANSI 0-15: black, red, green, yellow, blue, magenta, cyan, white, then their bright forms. */
  ansi: [
    '#484f58',
    '#ff7b72',
    '#3fb950',
    '#d29922',
    '#58a6ff',
    '#bc8cff',
    '#39c5cf',
    '#b1bac4',
    '#6e7681',
    '#ffa198',
    '#56d364',
    '#e3b341',
    '#79c0ff',
    '#d2a8ff',
    '#56d4dd',
    '#f0f6fc',
  ],
} as const;

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

function hex(red: number, green: number, blue: number): string {
  return `#${[red, green, blue].map((part) => part.toString(16).padStart(2, '0')).join('')}`;
}

/** xterm's 256-colour palette: the 16 theme colours, a 6x6x6 cube, then 24 greys. */
export function paletteColor(index: number): string {
  if (index < 16) return THEME.ansi[index] ?? THEME.foreground;
  if (index < 232) {
    const cube = index - 16;
    return hex(CUBE_LEVELS[Math.floor(cube / 36)]!, CUBE_LEVELS[Math.floor(cube / 6) % 6]!, CUBE_LEVELS[cube % 6]!);
  }
  const grey = 8 + (index - 232) * 10;
  return hex(grey, grey, grey);
}

function rgbColor(value: number): string {
  return hex((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

/** A colour as the cell states it, or undefined for the terminal's default. */
function stated(isRgb: boolean, isPalette: boolean, value: number): string | undefined {
  if (isRgb) return rgbColor(value);
  if (isPalette) return paletteColor(value);
  return undefined;
}

export interface CellColors {
  foreground: string;
  /** Undefined: the terminal's background shows through (nothing to paint). */
  background: string | undefined;
}

export function cellColors(cell: IBufferCell): CellColors {
  const foreground = stated(cell.isFgRGB(), cell.isFgPalette(), cell.getFgColor());
  const background = stated(cell.isBgRGB(), cell.isBgPalette(), cell.getBgColor());
  if (cell.isInverse()) {
    return { foreground: background ?? THEME.background, background: foreground ?? THEME.foreground };
  }
  return { foreground: foreground ?? THEME.foreground, background };
}
