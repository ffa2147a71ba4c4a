// The filter language shared by the TUI's `/` bar and `fnmon tail` flags.
//
//   fn:billing/*     glob on pkg/fn (`*`, `?`); without a `/` the glob is matched against the
//                    function name alone, in any package: fn:hello finds hello and sample/hello
//   status:failed|timeout   any of success, failed (= not success), app-error, dev-error, internal,
//                    timeout; dev-error does not include timeouts
//   cold:yes|no      cold start (initTime annotation present)
//   dur>500ms        also <, >=, <=, =; units ms/s/m/h/d, compound 1m30s; a bare number is ms;
//                    activations with no duration match no comparison
//   kind:nodejs*     glob on the runtime kind
//   id:9b1f          activation id prefix
//   !term            negates any term
//   word, "a phrase" case-insensitive substring of the function, id, error or any log line
//   /regex/ or /x/i  the same fields, as a JavaScript regex
// Terms are separated by whitespace and all must match. fn, kind, id and status take `a|b`.
import type { Activation } from './activation.js';
import { formatDurationExact } from './duration.js';
import { compileHighlighters, compileTerms, findRanges } from './filter-match.js';
import { isPlainTextWord, parseTerms } from './filter-parse.js';
import { isStatusWord, statusListHint, type StatusWord, type Term } from './filter-terms.js';
import { sanitize } from './sanitize.js';

export type { Term, StatusWord, CompareOp } from './filter-terms.js';
export { STATUS_WORDS } from './filter-terms.js';

export interface Filter {
  /** The terms in the order written. */
  readonly terms: readonly Term[];
  /** Precompiled: all terms, cheap ones first. Call through `matches`. */
  readonly test: (activation: Activation) => boolean;
  readonly highlighters: readonly RegExp[];
}

export type FilterResult = { ok: true; filter: Filter } | { ok: false; error: string; position: number };

export function buildFilter(terms: readonly Term[]): Filter {
  return { terms, test: compileTerms(terms), highlighters: compileHighlighters(terms) };
}

export const emptyFilter: Filter = buildFilter([]);

/** Parse filter text; on error, `position` is the index in `text` where the problem starts. */
export function parseFilter(text: string): FilterResult {
  const parsed = parseTerms(text);
  if (!parsed.ok) return parsed;
  return { ok: true, filter: parsed.terms.length === 0 ? emptyFilter : buildFilter(parsed.terms) };
}

export function matches(filter: Filter, activation: Activation): boolean {
  return filter.test(activation);
}

export function isEmptyFilter(filter: Filter): boolean {
  return filter.terms.length === 0;
}

/** Canonical text of the filter, for the header; parseFilter(describeFilter(f)) gives f back. */
export function describeFilter(filter: Filter): string {
  return filter.terms.map(describeTerm).join(' ');
}

function describeTerm(term: Term): string {
  return (term.negated ? '!' : '') + describePositive(term);
}

function describePositive(term: Term): string {
  switch (term.field) {
    case 'fn':
    case 'kind':
      return `${term.field}:${term.patterns.join('|')}`;
    case 'id':
      return `id:${term.prefixes.join('|')}`;
    case 'status':
      return `status:${term.statuses.join('|')}`;
    case 'cold':
      return `cold:${term.cold ? 'yes' : 'no'}`;
    case 'dur':
      return `dur${term.op}${formatDurationExact(term.ms)}`;
    case 'text':
      return isPlainTextWord(term.text) ? term.text : `"${term.text.replace(/["\\]/g, '\\$&')}"`;
    case 'regex':
      return `/${term.source}/${term.flags}`;
  }
}

/** [start, end) ranges in `text` matched by the filter's bare words and regexes, merged and sorted. */
export function highlightRanges(filter: Filter, text: string): Array<[number, number]> {
  if (filter.highlighters.length === 0) return [];
  return findRanges(filter.highlighters, text);
}

export interface TailFlags {
  functions: readonly string[];
  statuses: readonly string[];
}

/**
 * `fnmon tail --function/-f` and `--status` -> a Filter. Each flag may repeat and may hold a
 * comma-separated list; values of one flag are alternatives (any of). `--function` takes `pkg/fn`,
 * `fn` (that name in any package, see fn: above) or a glob. `--status cold` is not a status but
 * an extra condition: `--status failed --status cold` means failed AND cold.
 */
export function filterFromTailFlags(flags: TailFlags): { ok: true; filter: Filter } | { ok: false; error: string } {
  const functions = splitFlagValues(flags.functions);
  const badFunction = functions.find((value) => value === '' || /[\s|]/.test(value));
  if (badFunction !== undefined) return { ok: false, error: `bad --function value '${sanitize(badFunction)}'` };

  const statusValues = splitFlagValues(flags.statuses).map((value) => value.toLowerCase());
  const badStatus = statusValues.find((value) => value !== 'cold' && !isStatusWord(value));
  if (badStatus !== undefined)
    return { ok: false, error: `unknown --status '${sanitize(badStatus)}' (${statusListHint(['cold'])})` };

  const terms: Term[] = [];
  if (functions.length > 0) terms.push({ field: 'fn', patterns: functions, negated: false });
  const statuses = statusValues.filter(isStatusWord);
  if (statuses.length > 0) terms.push({ field: 'status', statuses: dedupe<StatusWord>(statuses), negated: false });
  if (statusValues.includes('cold')) terms.push({ field: 'cold', cold: true, negated: false });
  return { ok: true, filter: buildFilter(terms) };
}

function splitFlagValues(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim());
}

function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
