// The screenshot renderer on a headless xterm fed known escape sequences: every colour mode, the
// text attributes, wide and box characters, XML-special text, and the grid read back from the SVG.
import xterm from '@xterm/headless';
import { describe, expect, it } from 'vitest';
import { paletteColor, THEME } from '../../scripts/lib/terminal-colors.js';
import { terminalSvg } from '../../scripts/lib/terminal-svg.js';
import { assertWellFormedXml, screenFromSvg } from './svg-reader.js';

async function render(output: string, cols = 40, rows = 6): Promise<string> {
  const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(output, resolve));
  return terminalSvg(terminal, 'a <test> & title');
}

function tspanOf(svg: string, text: string): string {
  const match = new RegExp(`<tspan [^>]*>${text}</tspan>`).exec(svg);
  if (!match) throw new Error(`no tspan with ${text} in\n${svg}`);
  return match[0];
}

describe('terminalSvg', () => {
  it('draws each colour mode: default, 16 colours, 256 colours and RGB, foreground and background', async () => {
    const svg = await render(
      'plain \x1b[31mred\x1b[0m \x1b[38;5;208morange\x1b[0m \x1b[38;2;1;2;3mrgb\x1b[0m \x1b[44mblue\x1b[0m',
    );
    expect(tspanOf(svg, 'plain')).toContain(`fill="${THEME.foreground}"`);
    expect(tspanOf(svg, 'red')).toContain(`fill="${THEME.ansi[1]}"`);
    expect(tspanOf(svg, 'orange')).toContain('fill="#ff8700"');
    expect(tspanOf(svg, 'rgb')).toContain('fill="#010203"');
    expect(svg).toMatch(new RegExp(`<rect x="[\\d.]+" y="30" width="33.6" height="18" fill="${THEME.ansi[4]}"/>`));
  });

  it('maps the 256-colour palette like xterm: the theme, the 6x6x6 cube and the greys', () => {
    expect(paletteColor(9)).toBe(THEME.ansi[9]);
    expect(paletteColor(16)).toBe('#000000');
    expect(paletteColor(196)).toBe('#ff0000');
    expect(paletteColor(231)).toBe('#ffffff');
    expect(paletteColor(232)).toBe('#080808');
    expect(paletteColor(255)).toBe('#eeeeee');
  });

  it('keeps bold, dim, italic, underline and strike-through, and swaps colours for inverse', async () => {
    const svg = await render(
      '\x1b[1mB\x1b[0m \x1b[2mD\x1b[0m \x1b[3mI\x1b[0m \x1b[4mU\x1b[0m \x1b[9mS\x1b[0m \x1b[7;32mV\x1b[0m',
    );
    expect(tspanOf(svg, 'B')).toContain('font-weight="bold"');
    expect(tspanOf(svg, 'D')).toContain('fill-opacity="0.6"');
    expect(tspanOf(svg, 'I')).toContain('font-style="italic"');
    expect(tspanOf(svg, 'U')).toContain('text-decoration="underline"');
    expect(tspanOf(svg, 'S')).toContain('text-decoration="line-through"');
    expect(tspanOf(svg, 'V')).toContain(`fill="${THEME.background}"`);
    expect(svg).toContain(`fill="${THEME.ansi[2]}"/>`);
  });

  it('puts one tspan per style run, each character at its own cell, wide characters over two', async () => {
    const svg = await render('ab\x1b[31mcd\x1b[0m 界x');
    expect(tspanOf(svg, 'ab')).toContain('x="14 22.4"');
    expect(tspanOf(svg, 'cd')).toContain('x="30.8 39.2"');
    expect(tspanOf(svg, '界x')).toContain('x="56 72.8"');
  });

  it('escapes XML and stays well formed, and the screen reads back from the SVG', async () => {
    const svg = await render('╭──╮ <a & "b">\r\n│ok│\r\n╰──╯');
    assertWellFormedXml(svg);
    expect(svg).toContain('a &lt;test&gt; &amp; title');
    expect(screenFromSvg(svg).slice(0, 3)).toEqual(['╭──╮ <a & "b">', '│ok│', '╰──╯']);
  });
});

describe('assertWellFormedXml', () => {
  it('rejects what an SVG viewer would', () => {
    expect(() => assertWellFormedXml('<svg><text>a</svg>')).toThrow(/closes nothing/);
    expect(() => assertWellFormedXml('<svg><text>a & b</text></svg>')).toThrow(/bare '&'/);
    expect(() => assertWellFormedXml('<svg><text>a < b</text></svg>')).toThrow(/stray/);
    expect(() => assertWellFormedXml('<svg/><svg/>')).toThrow(/2 root/);
    expect(() => assertWellFormedXml('<svg a="1"><rect b="2"/></svg>')).not.toThrow();
  });
});
