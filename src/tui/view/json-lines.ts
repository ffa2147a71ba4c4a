// A JSON value -> pretty-printed, syntax-coloured lines (2-space indent), one StyledLine per line.
// Strings are shown as JSON literals (JSON.stringify escapes C0 controls, quotes and backslashes),
// then sanitised for what JSON leaves alone (C1 controls, bidi marks, line separators).
// A long array of scalars (a record's `logs`) becomes rows built only when shown.
import { sanitize } from '../../core/logline.js';
import { concatRows, lazyRows, type Rows } from './rows.js';
import { segment, type Segment, type StyledLine } from './styled-line.js';

const INDENT = '  ';
/** Arrays of scalars longer than this are laid out lazily. */
const LAZY_ITEMS = 64;

export function jsonRows(value: unknown): Rows {
  const parts: Rows[] = [];
  const lines: Segment[][] = [];
  emit(value, { lines, parts, indent: '', prefix: [], suffix: '', ancestors: new Set() });
  return concatRows([...parts, lines]);
}

export function jsonLines(value: unknown): StyledLine[] {
  return [...jsonRows(value).slice()];
}

interface EmitContext {
  /** The lines since the last lazy part. */
  lines: Segment[][];
  /** Finished parts: runs of lines and lazy arrays, in order. */
  parts: Rows[];
  indent: string;
  /** Segments before the value on its first line: the indent and `"key": `. */
  prefix: Segment[];
  /** ',' when more entries follow. */
  suffix: string;
  /** Objects on the path from the root, so a cycle prints as "[circular]" instead of looping. */
  ancestors: Set<object>;
}

function emit(value: unknown, context: EmitContext): void {
  const { lines, indent, prefix, suffix, ancestors } = context;
  const comma = suffix === '' ? [] : [segment(suffix, { dim: true })];
  if (typeof value !== 'object' || value === null) {
    lines.push([...prefix, scalar(value), ...comma]);
    return;
  }
  if (ancestors.has(value)) {
    lines.push([...prefix, segment('"[circular]"', { dim: true }), ...comma]);
    return;
  }
  if (Array.isArray(value) && value.length > LAZY_ITEMS && value.every(isScalar)) {
    // The same lines the loop below would make, one per item, built when shown.
    lines.push([...prefix, segment('[', { dim: true })]);
    context.parts.push(lines.splice(0), scalarRows(value, indent + INDENT));
    lines.push([segment(indent), segment(']', { dim: true }), ...comma]);
    return;
  }
  const entries: Array<[string | undefined, unknown]> = Array.isArray(value)
    ? value.map((item) => [undefined, item])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) {
    lines.push([...prefix, segment(open + close, { dim: true }), ...comma]);
    return;
  }
  lines.push([...prefix, segment(open, { dim: true })]);
  ancestors.add(value);
  const inner = indent + INDENT;
  entries.forEach(([key, item], index) => {
    const keyPart =
      key === undefined
        ? []
        : [segment(sanitize(JSON.stringify(key)), { color: 'cyan' }), segment(': ', { dim: true })];
    emit(item, {
      lines,
      parts: context.parts,
      indent: inner,
      prefix: [segment(inner), ...keyPart],
      suffix: index < entries.length - 1 ? ',' : '',
      ancestors,
    });
  });
  ancestors.delete(value);
  lines.push([segment(indent), segment(close, { dim: true }), ...comma]);
}

function isScalar(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

function scalarRows(items: readonly unknown[], indent: string): Rows {
  const last = items.length - 1;
  return lazyRows(items.length, (index) => [
    segment(indent),
    scalar(items[index]),
    ...(index < last ? [segment(',', { dim: true })] : []),
  ]);
}

function scalar(value: unknown): Segment {
  switch (typeof value) {
    case 'string':
      return segment(sanitize(JSON.stringify(value)), { color: 'green' });
    case 'number':
      return segment(Number.isFinite(value) ? String(value) : 'null', { color: 'yellow' });
    case 'boolean':
      return segment(String(value), { color: 'magenta' });
    case 'bigint':
      return segment(String(value), { color: 'yellow' });
    case 'undefined':
      return segment('null', { dim: true });
    default:
      return value === null
        ? segment('null', { dim: true })
        : segment(sanitize(JSON.stringify(String(value))), { color: 'green' });
  }
}
