// A sequence or composition as a tree of its component activations, each with a timing bar.
// The parent's `logs` hold the component ids in order (reference §3.7); a component that is itself a
// sequence is expanded below it. Components the caller does not have yet come back as missing rows
// (and in `missingIds`) so the view can fetch them and build the tree again.
// Every bar is placed on one time axis, the whole tree's span (the top sequence's start to the last
// end), so rows line up like a Gantt chart. For direct components this is the parent's span.
import { activationEndTime, type Activation } from './activation.js';
import { looksLikeActivationId } from './logline.js';

/** Nested sequences deeper than this are not expanded (and a cycle in hostile data ends here). */
const MAX_DEPTH = 8;

export interface SequenceRow {
  id: string;
  /** 0 for the sequence itself, 1 for its components, 2 for theirs… */
  depth: number;
  /** Undefined while the component's record is not known (fetch `id`). */
  activation?: Activation;
  /** Start relative to the tree's start (ms); undefined when missing. */
  offsetMs?: number;
  /** Bar position and length as fractions of the tree's span, within 0..1 (0 and 0 when missing). */
  offset: number;
  width: number;
}

export interface SequenceTree {
  rows: SequenceRow[];
  /** Components named by a sequence whose records the lookup did not have, in tree order. */
  missingIds: string[];
  /** The time axis of the bars (epoch ms). */
  start: number;
  end: number;
}

export type ActivationLookup = (id: string) => Activation | undefined;

/** The component ids a sequence's logs name, in order. */
export function componentIds(sequence: Activation): string[] {
  return (sequence.logs ?? []).map((line) => line.trim()).filter(looksLikeActivationId);
}

export function buildSequenceTree(root: Activation, lookup: ActivationLookup): SequenceTree {
  const placed: { id: string; depth: number; activation?: Activation }[] = [];
  const visited = new Set<string>();
  const visit = (id: string, depth: number, known: Activation | undefined) => {
    if (visited.has(id)) return;
    visited.add(id);
    const activation = known ?? lookup(id);
    placed.push({ id, depth, activation });
    if (!activation?.isSequence || depth >= MAX_DEPTH) return;
    for (const child of componentIds(activation)) visit(child, depth + 1, undefined);
  };
  visit(root.id, 0, root);

  const known = placed.flatMap((row) => (row.activation ? [row.activation] : []));
  const start = Math.min(...known.map((activation) => activation.start));
  const end = Math.max(...known.map(activationEndTime));
  const span = end - start;
  return {
    rows: placed.map((row) =>
      row.activation ? placeBar(row, row.activation, start, span) : { ...row, offset: 0, width: 0 },
    ),
    missingIds: placed.filter((row) => !row.activation).map((row) => row.id),
    start,
    end,
  };
}

function placeBar(
  row: { id: string; depth: number },
  activation: Activation,
  start: number,
  span: number,
): SequenceRow {
  const offsetMs = activation.start - start;
  const lengthMs = activationEndTime(activation) - activation.start;
  // A zero span (one instant) draws every bar full length rather than dividing by zero.
  const offset = span > 0 ? clamp(offsetMs / span, 0, 1) : 0;
  // Clamped: a hostile record may end before it starts.
  const width = span > 0 ? clamp(lengthMs / span, 0, 1 - offset) : 1;
  return { id: row.id, depth: row.depth, activation, offsetMs, offset, width };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * The bar as exactly `columns` characters: filled from the offset for the width, at least one cell
 * for anything that ran, spaces elsewhere.
 */
export function timingBar(offset: number, width: number, columns: number, options: { ascii?: boolean } = {}): string {
  if (columns <= 0) return '';
  const fill = options.ascii ? '#' : '█';
  const first = Math.min(columns - 1, Math.max(0, Math.floor(offset * columns)));
  const last = Math.min(columns, Math.max(first + 1, Math.round((offset + width) * columns)));
  return ' '.repeat(first) + fill.repeat(last - first) + ' '.repeat(columns - last);
}
