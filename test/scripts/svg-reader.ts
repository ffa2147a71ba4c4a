// Reading the screenshot SVGs back in tests: a well-formedness check (the project has no XML parser,
// and SVG viewers refuse a malformed file), and the screen text rebuilt from each character's x.
import { SVG_GRID } from '../../scripts/lib/terminal-svg.js';

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const TOKEN = /<!--[\s\S]*?-->|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|[^<]+/g;

/** Throws with the offset of the first problem: an unbalanced tag, a stray `<` or a bad entity. */
export function assertWellFormedXml(xml: string): void {
  const open: string[] = [];
  let roots = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, opening, attributes = '', selfClosing] = match;
    const at = `at offset ${match.index}`;
    if (token === '<') throw new Error(`a stray '<' ${at}`);
    if (closing !== undefined) {
      if (open.pop() !== closing) throw new Error(`</${closing}> closes nothing open ${at}`);
    } else if (opening !== undefined) {
      if (open.length === 0) roots += 1;
      if (attributes.replace(ENTITY, '').includes('&')) throw new Error(`a bare '&' in <${opening}> ${at}`);
      if (!selfClosing) open.push(opening);
    } else if (!token.startsWith('<!--')) {
      if (token.replace(ENTITY, '').includes('&')) throw new Error(`a bare '&' in text ${at}`);
      if (open.length === 0 && token.trim() !== '') throw new Error(`text outside the root element ${at}`);
    }
  }
  if (open.length > 0) throw new Error(`unclosed <${open.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

function unescapeXml(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return named[name] ?? entity;
  });
}

/** The terminal screen the SVG draws, one string per row (trailing spaces trimmed). */
export function screenFromSvg(svg: string): string[] {
  const rows: string[][] = [];
  for (const line of svg.matchAll(/<text y="([\d.]+)">([\s\S]*?)<\/text>/g)) {
    const row = Math.round((Number(line[1]) - SVG_GRID.top - SVG_GRID.baseline) / SVG_GRID.lineHeight);
    const cells = (rows[row] ??= []);
    for (const span of line[2]!.matchAll(/<tspan x="([^"]*)"[^>]*>([^<]*)<\/tspan>/g)) {
      const xs = span[1]!.split(' ').map(Number);
      Array.from(unescapeXml(span[2]!)).forEach((char, index) => {
        const column = Math.round((xs[index]! - SVG_GRID.left) / SVG_GRID.cellWidth);
        cells[column] = (cells[column] ?? '') + char;
      });
    }
  }
  return Array.from(rows, (cells) =>
    Array.from(cells ?? [], (cell) => cell ?? ' ')
      .join('')
      .trimEnd(),
  );
}
