// The filter language's terms as plain data, and the vocabulary shared by the parser, the tail
// flags and the describer. (Matching compiles these into predicates: filter-match.ts.)
import type { ActivationStatus } from './activation.js';

/** Status words people type; `failed` means any status but success. */
export const STATUS_WORDS = ['success', 'failed', 'app-error', 'dev-error', 'internal', 'timeout'] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];

export const FAILED_STATUSES: readonly ActivationStatus[] = ['app-error', 'dev-error', 'internal', 'timeout'];

export type CompareOp = '<' | '<=' | '>' | '>=' | '=';

interface TermBase {
  /** Written with a leading `!`: the term must NOT match. */
  negated: boolean;
}

export type Term = TermBase &
  (
    | { field: 'fn'; patterns: string[] }
    | { field: 'kind'; patterns: string[] }
    | { field: 'id'; prefixes: string[] }
    | { field: 'status'; statuses: StatusWord[] }
    | { field: 'cold'; cold: boolean }
    | { field: 'dur'; op: CompareOp; ms: number }
    | { field: 'text'; text: string }
    | { field: 'regex'; source: string; flags: '' | 'i' }
  );

export function isStatusWord(word: string): word is StatusWord {
  return (STATUS_WORDS as readonly string[]).includes(word);
}

export function statusListHint(extra: readonly string[] = []): string {
  return `expected ${[...STATUS_WORDS, ...extra].join(', ')}`;
}

/** Glob with `*` (any run) and `?` (one character), case-insensitive, anchored at both ends. */
export function globToRegExp(glob: string): RegExp {
  // A trailing `*` matches any rest, so the regex can stop there instead of scanning to the end.
  const body = glob.replace(/\*+$/, '');
  let source = '';
  for (const char of body) {
    if (char === '*') source += '[\\s\\S]*';
    else if (char === '?') source += '[\\s\\S]';
    else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}${body.length < glob.length ? '' : '$'}`, 'i');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
