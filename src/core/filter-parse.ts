// Filter text -> terms. Grammar (terms separated by whitespace, all must match):
//   term    := ['!'] (keyed | dur | '"phrase"' | '/regex/' ['i'] | word)
//   keyed   := ('fn' | 'kind' | 'id' | 'status') ':' value ('|' value)*  |  'cold:' ('yes' | 'no')
//   dur     := 'dur' ('<' | '<=' | '>' | '>=' | '=') (number [ms|s|m|h|d] | compound like 1m30s)
// Keys are case-insensitive. A word with an unknown key (`http://x`, `ERROR:`) is plain text, so
// URLs and log prefixes can be searched without quotes.
import safeRegex from 'safe-regex2';
import { parseDuration } from './duration.js';
import { isStatusWord, statusListHint, type CompareOp, type StatusWord, type Term } from './filter-terms.js';
import { sanitize } from './sanitize.js';

export type ParseTermsResult = { ok: true; terms: Term[] } | { ok: false; error: string; position: number };

/** Its message quotes what was typed (maybe pasted from a log), made terminal-safe and one line. */
class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(sanitize(message));
  }
}

export function parseTerms(text: string): ParseTermsResult {
  try {
    return { ok: true, terms: readTerms(text) };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: error.message, position: error.position };
    throw error;
  }
}

function readTerms(text: string): Term[] {
  const terms: Term[] = [];
  let i = skipSpace(text, 0);
  while (i < text.length) {
    const negated = text[i] === '!';
    const start = negated ? i + 1 : i;
    if (start >= text.length || /\s/.test(text[start] ?? ''))
      throw new FilterSyntaxError("'!' must be followed by a term", i);
    if (text[start] === '!') throw new FilterSyntaxError("one '!' is enough: '!!' is not allowed", i);
    const { term, end } = readTerm(text, start);
    terms.push({ ...term, negated } as Term);
    if (end < text.length && !/\s/.test(text[end] ?? '')) throw new FilterSyntaxError('expected a space here', end);
    i = skipSpace(text, end);
  }
  return terms;
}

type BareTerm = DistributiveOmit<Term, 'negated'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function readTerm(text: string, start: number): { term: BareTerm; end: number } {
  if (text[start] === '"') return readPhrase(text, start);
  if (text[start] === '/') return readRegex(text, start);
  let end = start;
  while (end < text.length && !/\s/.test(text[end] ?? '')) end++;
  return { term: classifyWord(text.slice(start, end), start), end };
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/** `"two words"`; backslash escapes the next character (for `\"` and `\\`). */
function readPhrase(text: string, start: number): { term: BareTerm; end: number } {
  let phrase = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && i + 1 < text.length) phrase += text[++i];
    else if (char === '"') {
      if (phrase === '') throw new FilterSyntaxError('empty phrase ""', start);
      return { term: { field: 'text', text: phrase }, end: i + 1 };
    } else phrase += char;
  }
  throw new FilterSyntaxError('unclosed quote', start);
}

/** `/source/flags`; a `/` inside a [class] or after a backslash does not close it. */
function readRegex(text: string, start: number): { term: BareTerm; end: number } {
  let inClass = false;
  let i = start + 1;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
  }
  if (i >= text.length) throw new FilterSyntaxError('unclosed regex: add the closing /', start);
  const source = text.slice(start + 1, i);
  if (source === '') throw new FilterSyntaxError('empty regex //', start);
  let end = i + 1;
  while (end < text.length && !/\s/.test(text[end] ?? '')) end++;
  const flags = text.slice(i + 1, end);
  if (flags !== '' && flags !== 'i')
    throw new FilterSyntaxError(`unknown regex flags '${flags}' (only i is supported)`, i + 1);
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new FilterSyntaxError(`invalid regex: ${(error as Error).message}`, start);
  }
  if (!cannotBacktrackForever(source)) throw new FilterSyntaxError(NESTED_REPEAT, start);
  return { term: { field: 'regex', source, flags }, end };
}

const DUR_TERM = /^dur(<=|>=|<|>|=)(.*)$/is;
const KEYED_TERM = /^(fn|kind|id|status|cold):(.*)$/is;

/** A whitespace-free word: a keyed term, a duration comparison, or plain text. */
function classifyWord(word: string, position: number): BareTerm {
  const dur = DUR_TERM.exec(word);
  if (dur)
    return {
      field: 'dur',
      op: dur[1] as CompareOp,
      ms: readDurationValue(dur[2] ?? '', position + 3 + (dur[1] ?? '').length),
    };
  const keyed = KEYED_TERM.exec(word);
  if (!keyed) return { field: 'text', text: word };
  const key = (keyed[1] ?? '').toLowerCase();
  const value = keyed[2] ?? '';
  const valuePosition = position + key.length + 1;
  if (value === '') throw new FilterSyntaxError(`${key}: needs a value`, valuePosition);
  switch (key) {
    case 'fn':
      return { field: 'fn', patterns: splitAlternatives(value, valuePosition, key) };
    case 'kind':
      return { field: 'kind', patterns: splitAlternatives(value, valuePosition, key) };
    case 'id':
      return { field: 'id', prefixes: splitAlternatives(value, valuePosition, key).map((p) => p.toLowerCase()) };
    case 'status':
      return { field: 'status', statuses: readStatuses(value, valuePosition) };
    default:
      return { field: 'cold', cold: readYesNo(value, valuePosition) };
  }
}

/** `a|b|c` -> ['a','b','c']; empty alternatives are an error, not a match-everything. */
function splitAlternatives(value: string, position: number, key: string): string[] {
  const parts = value.split('|');
  let offset = position;
  for (const part of parts) {
    if (part === '') throw new FilterSyntaxError(`${key}: has an empty alternative`, offset);
    offset += part.length + 1;
  }
  return parts;
}

function readStatuses(value: string, position: number): StatusWord[] {
  const words = splitAlternatives(value, position, 'status');
  let offset = position;
  return words.map((word) => {
    const lower = word.toLowerCase();
    if (!isStatusWord(lower)) throw new FilterSyntaxError(`unknown status '${word}' (${statusListHint()})`, offset);
    offset += word.length + 1;
    return lower;
  });
}

function readYesNo(value: string, position: number): boolean {
  const lower = value.toLowerCase();
  if (lower === 'yes' || lower === 'true') return true;
  if (lower === 'no' || lower === 'false') return false;
  throw new FilterSyntaxError(`cold: expects yes or no, not '${value}'`, position);
}

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

/** A bare number is milliseconds. Rounded to microseconds so describe() prints it back exactly. */
function readDurationValue(value: string, position: number): number {
  const ms = BARE_NUMBER.test(value) ? Number(value) : parseDuration(value);
  if (ms === undefined || ms > Number.MAX_SAFE_INTEGER) {
    throw new FilterSyntaxError(`bad duration '${value}' (e.g. 500, 500ms, 2s, 1m)`, position);
  }
  return Math.round(ms * 1000) / 1000;
}

/** Would this text, written bare, read back as the same plain-text term? (Else describe quotes it.) */
export function isPlainTextWord(text: string): boolean {
  if (text === '' || /\s/.test(text) || /^[!"/]/.test(text)) return false;
  try {
    return classifyWord(text, 0).field === 'text';
  } catch {
    return false;
  }
}

const NESTED_REPEAT =
  'regex has a repeat inside a repeat, like (a+)+, which can take exponential time on a long line: simplify it';

/**
 * A regex runs on every activation's text as the filter is typed; one with a repeat inside a repeat
 * can backtrack exponentially and freeze the monitor. safe-regex2's parser does not know lookbehind,
 * which cannot change how often anything repeats, so it sees a plain group there instead.
 */
function cannotBacktrackForever(source: string): boolean {
  return safeRegex(source.replace(/\(\?<[=!]/g, '(?:'));
}
