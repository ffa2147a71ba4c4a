// Terms -> one precompiled predicate over Activation. Everything that can be prepared once (globs,
// regexes, status sets) is prepared here, so matching 100,000 activations does no parsing and
// allocates nothing per activation.
import type { Activation, ActivationStatus } from './activation.js';
import {
  FAILED_STATUSES,
  escapeRegExp,
  globToRegExp,
  type CompareOp,
  type StatusWord,
  type Term,
} from './filter-terms.js';

type Predicate = (activation: Activation) => boolean;

/** One predicate for all terms; cheap field checks run before text and regex scans. */
export function compileTerms(terms: readonly Term[]): Predicate {
  const ordered = [...terms].sort((a, b) => cost(a) - cost(b)).map(compileTerm);
  if (ordered.length === 0) return () => true;
  return (activation) => {
    for (const predicate of ordered) if (!predicate(activation)) return false;
    return true;
  };
}

function cost(term: Term): number {
  return term.field === 'text' || term.field === 'regex' ? 1 : 0;
}

function compileTerm(term: Term): Predicate {
  const positive = compilePositive(term);
  return term.negated ? (activation) => !positive(activation) : positive;
}

function compilePositive(term: Term): Predicate {
  switch (term.field) {
    case 'fn':
      return compileFunctionGlobs(term.patterns);
    case 'kind': {
      const globs = term.patterns.map(globToRegExp);
      return (a) => a.kind !== undefined && anyTest(globs, a.kind);
    }
    case 'id': {
      const prefixes = term.prefixes.map((prefix) => new RegExp(`^${escapeRegExp(prefix)}`, 'i'));
      return (a) => anyTest(prefixes, a.id);
    }
    case 'status': {
      const wanted = expandStatuses(term.statuses);
      return (a) => wanted.has(a.status);
    }
    case 'cold': {
      const cold = term.cold;
      return (a) => a.cold === cold;
    }
    case 'dur':
      return compileDuration(term.op, term.ms);
    case 'text':
      return compileSearch(textTester(term.text));
    case 'regex': {
      const regex = new RegExp(term.source, term.flags);
      return compileSearch((field) => regex.test(field));
    }
  }
}

/**
 * A pattern with a `/` is matched against `pkg/fn`; one without is matched against the function
 * name alone, so `hello` finds `hello` and `sample/hello`, and `char*` finds `billing/charge`.
 */
function compileFunctionGlobs(patterns: readonly string[]): Predicate {
  const qualified = patterns.filter((p) => p.includes('/')).map(globToRegExp);
  const nameOnly = patterns.filter((p) => !p.includes('/')).map(globToRegExp);
  return (a) => anyTest(qualified, a.fn) || anyTest(nameOnly, a.name);
}

// A loop rather than Array.some: no closure per activation in the hot path.
function anyTest(regexes: readonly RegExp[], text: string): boolean {
  for (const regex of regexes) if (regex.test(text)) return true;
  return false;
}

function expandStatuses(words: readonly StatusWord[]): ReadonlySet<ActivationStatus> {
  const statuses = new Set<ActivationStatus>();
  for (const word of words) {
    if (word === 'failed') FAILED_STATUSES.forEach((status) => statuses.add(status));
    else statuses.add(word);
  }
  return statuses;
}

/** An activation with no recorded duration matches no comparison (and so every negated one). */
function compileDuration(op: CompareOp, ms: number): Predicate {
  switch (op) {
    case '<':
      return (a) => a.duration !== undefined && a.duration < ms;
    case '<=':
      return (a) => a.duration !== undefined && a.duration <= ms;
    case '>':
      return (a) => a.duration !== undefined && a.duration > ms;
    case '>=':
      return (a) => a.duration !== undefined && a.duration >= ms;
    case '=':
      return (a) => a.duration === ms;
  }
}

/** Case-insensitive substring test; plain includes() when the needle has no letters to fold. */
function textTester(needle: string): (field: string) => boolean {
  if (needle.toLowerCase() === needle.toUpperCase()) return (field) => field.includes(needle);
  const regex = new RegExp(escapeRegExp(needle), 'i');
  return (field) => regex.test(field);
}

/** Bare words and regexes search the function, the activation id, the error and every log line. */
function compileSearch(test: (field: string) => boolean): Predicate {
  return (a) => {
    if (test(a.fn) || test(a.id) || (a.error !== undefined && test(a.error))) return true;
    const logs = a.logs;
    if (logs === undefined) return false;
    for (const line of logs) if (test(line)) return true;
    return false;
  };
}

/** Global regexes for the positive text and regex terms, for highlighting what matched. */
export function compileHighlighters(terms: readonly Term[]): RegExp[] {
  const highlighters: RegExp[] = [];
  for (const term of terms) {
    if (term.negated) continue;
    if (term.field === 'text') highlighters.push(new RegExp(escapeRegExp(term.text), 'gi'));
    if (term.field === 'regex') highlighters.push(new RegExp(term.source, `${term.flags}g`));
  }
  return highlighters;
}

/** Sorted, merged [start, end) ranges of every non-empty match of the highlighters in `text`. */
export function findRanges(highlighters: readonly RegExp[], text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const regex of highlighters) {
    for (const match of text.matchAll(regex)) {
      if (match[0].length > 0) ranges.push([match.index, match.index + match[0].length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
