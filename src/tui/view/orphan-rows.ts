// Forwarded-log entries with no activation record (web invocations, expired records) as rows of
// the activation list. Each becomes an Activation-shaped row, so the list's windowing, the
// selection by id and start, the filter and save work on them unchanged; orphanEntryOf() tells
// the views which rows are such entries. Rows are cached per entry's lines array (stable until
// lines arrive), and the merged list per pair of source arrays, so a frame costs nothing extra.
import type { Activation } from '../../core/activation.js';
import type { OrphanEntry } from '../../core/forwarded-types.js';
import { sanitize } from '../../core/logline.js';
import type { MonitorService } from '../../core/monitor.js';
import { predicate, type FilterState } from '../state/filter-state.js';
import type { StatusLook } from '../theme.js';
import { segment, wrapWords, type Segment, type StyledLine } from './styled-line.js';
import { detailTime } from './time-format.js';

/** The status column of an entry row (one column glyph, like the statuses'). */
export const NO_RECORD_LOOK: StatusLook = { glyph: '∅', word: 'no record', color: 'cyan' };

const rowOfLines = new WeakMap<OrphanEntry['lines'], Activation>();
const entryOfRow = new WeakMap<Activation, OrphanEntry>();

/** The entry a list row was made from; undefined for rows of real activations. */
export function orphanEntryOf(activation: Activation): OrphanEntry | undefined {
  return entryOfRow.get(activation);
}

/** The list row of an entry: the same object while its lines are unchanged. */
export function orphanRow(entry: OrphanEntry): Activation {
  const cached = rowOfLines.get(entry.lines);
  if (cached) return cached;
  const row = toActivation(entry);
  rowOfLines.set(entry.lines, row);
  entryOfRow.set(row, entry);
  return row;
}

function toActivation(entry: OrphanEntry): Activation {
  const fn = entry.fn ?? entry.functionPath ?? '?';
  const slash = fn.lastIndexOf('/');
  return {
    id: entry.activationId,
    namespace: entry.functionPath?.split('/')[1] ?? '',
    name: fn.slice(slash + 1),
    ...(slash > 0 && { package: fn.slice(0, slash) }),
    fn,
    version: '',
    start: entry.time,
    // No record, so no status: 'success' keeps it out of failure counts; the views show "no record".
    status: 'success',
    statusCode: 0,
    cold: false,
    isSequence: false,
    // The messages, so the filter's words and regexes search them like a record's logs.
    logs: entry.lines.map((line) => line.message),
    // Nothing to fetch: there is no record behind it.
    full: true,
    // What copy and save write: the shape `tail --output json` gives such entries.
    raw: {
      activationId: entry.activationId,
      function: entry.fn ?? null,
      functionPath: entry.functionPath ?? null,
      activationRecord: false,
      forwardedLogs: entry.lines.map(({ source, time, message }) => ({ source, time, message })),
    },
  };
}

/** What the list is drawn from: the store's activations and the entries without a record. */
export function streamList(service: MonitorService): readonly Activation[] {
  const { store, forwarded } = service;
  const newestFirst = store.newestFirst();
  if (!forwarded) return newestFirst;
  return withOrphans(newestFirst, forwarded.orphans(), (id) => store.get(id) !== undefined);
}

const merged = new WeakMap<readonly Activation[], { orphans: readonly OrphanEntry[]; list: readonly Activation[] }>();

/**
 * The store's newest-first list with the entries (oldest first) merged in by start time. Entries
 * the store holds meanwhile are left out. The same array for the same two inputs.
 */
export function withOrphans(
  newestFirst: readonly Activation[],
  orphans: readonly OrphanEntry[],
  inStore: (id: string) => boolean,
): readonly Activation[] {
  if (orphans.length === 0) return newestFirst;
  const cached = merged.get(newestFirst);
  if (cached?.orphans === orphans) return cached.list;
  const rows: Activation[] = [];
  for (let i = orphans.length - 1; i >= 0; i--) {
    const entry = orphans[i]!;
    if (!inStore(entry.activationId)) rows.push(orphanRow(entry));
  }
  const list = mergeNewestFirst(newestFirst, rows);
  merged.set(newestFirst, { orphans, list });
  return list;
}

/** Two newest-first lists as one; on equal starts the store's activation comes first. */
function mergeNewestFirst(a: readonly Activation[], b: readonly Activation[]): Activation[] {
  const out = new Array<Activation>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.start >= b[j]!.start ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * predicate() for a list that may hold entry rows. An entry has no record: a status filter (quick
 * or a `status:` / `cold:` term) never shows it; the function, time and text parts apply as usual.
 */
export function streamPredicate(state: FilterState): ((activation: Activation) => boolean) | undefined {
  const test = predicate(state);
  if (!test) return undefined;
  const asksForRecord =
    state.status !== 'all' ||
    state.filter.terms.some((term) => !term.negated && (term.field === 'status' || term.field === 'cold'));
  // Entry rows are looked up only when the answer can differ, and only for rows that pass: a
  // lookup for each of 100,000 activations added about a third to the filter (bench/: render).
  if (!asksForRecord) return test;
  return (activation) => test(activation) && !entryOfRow.has(activation);
}

const LABEL_WIDTH = 11;

/** The detail pane's header for an entry: what it is and why there is no record (prose wrapped to `width`). */
export function orphanDetailLines(entry: OrphanEntry, now: number, width: number): StyledLine[] {
  const first = entry.lines[0]?.time ?? entry.time;
  const last = entry.lines[entry.lines.length - 1]?.time ?? first;
  const sources = [...new Set(entry.lines.map((line) => line.source))].join(', ');
  const lines: StyledLine[] = [
    [
      segment(`${NO_RECORD_LOOK.glyph} no activation record`, { color: NO_RECORD_LOOK.color, bold: true }),
      segment('  '),
      segment(sanitize(entry.fn ?? '?'), { bold: true }),
    ],
    field('id', sanitize(entry.activationId)),
  ];
  if (entry.functionPath !== undefined) lines.push(field('path', sanitize(entry.functionPath)));
  lines.push(field('first line', detailTime(first, now)));
  if (last !== first) lines.push(field('last line', detailTime(last, now)));
  lines.push(field('lines', `${entry.lines.length} forwarded, read from ${sources}`));
  lines.push([]);
  for (const row of wrapWords(WHY_NO_RECORD, Math.max(1, width))) lines.push([segment(row, { dim: true })]);
  return lines;
}

const WHY_NO_RECORD =
  'The platform kept no record of this activation: a web invocation (those get none), or one whose ' +
  'record expired or is older than the stream. Its forwarded lines are in the log pane.';

function field(name: string, value: string): Segment[] {
  return [segment(name.padEnd(LABEL_WIDTH), { dim: true }), segment(value)];
}
