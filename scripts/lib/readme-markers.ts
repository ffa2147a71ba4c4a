// Generated blocks in README.md, between `<!-- NAME:start -->` and `<!-- NAME:end -->` lines.

function markers(name: string): [string, string] {
  return [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
}

/** The block's content (without the marker lines), or undefined when the markers are missing. */
export function readBlock(text: string, name: string): string | undefined {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) return undefined;
  return text
    .slice(from + start.length, to)
    .replace(/^\n/, '')
    .replace(/\n$/, '');
}

/** `text` with the block's content replaced; throws when the markers are missing. */
export function writeBlock(text: string, name: string, content: string): string {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`README.md has no ${start} … ${end} block`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}
