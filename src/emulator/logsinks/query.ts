// The small part of each service's search syntax the emulator understands: whitespace-separated
// terms that must all match; "quoted phrases"; `key:value` fields (Datadog) with `*` wildcards
// and backslash escapes. Enough for the queries fnmon and people's simple filters send.

export interface QueryTerm {
  /** Undefined for free text. */
  field?: string;
  value: string;
  /** The value was quoted: match it exactly, no wildcards. */
  exact: boolean;
}

/** Splits a query into terms; unbalanced quotes run to the end. */
export function parseQuery(query: string | null | undefined): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const text = query ?? '';
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    if (index >= text.length) break;
    const field = /^([@\w.-]+):/.exec(text.slice(index));
    if (field) index += field[0].length;
    const quoted = text[index] === '"';
    let value = '';
    if (quoted) index += 1;
    while (index < text.length && (quoted ? text[index] !== '"' : !/\s/.test(text[index]!))) {
      if (text[index] === '\\' && index + 1 < text.length) index += 1;
      value += text[index];
      index += 1;
    }
    if (quoted) index += 1;
    terms.push({ ...(field && { field: field[1]!.toLowerCase() }), value, exact: quoted });
  }
  return terms;
}

/** Free text: a case-insensitive substring. */
export function containsText(haystack: string, term: QueryTerm): boolean {
  return haystack.toLowerCase().includes(term.value.toLowerCase());
}

/** A field value: exact when quoted, else a `*` glob (case-insensitive, like Datadog's tag values). */
export function matchesValue(candidate: string, term: QueryTerm): boolean {
  if (term.exact || !term.value.includes('*')) return candidate.toLowerCase() === term.value.toLowerCase();
  const pattern = term.value
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 'i').test(candidate);
}
