// Whether one filter keeps only what another keeps, so its list can be taken from the other's
// result rather than from every activation: typing one more letter of a word narrows the filter.
import type { Filter } from './filter.js';
import type { Term } from './filter-terms.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * True when every activation `next` matches is one `previous` matches. A sound, partial check:
 * each of the earlier terms must appear again, or as a positive word that the later one contains.
 */
export function narrows(next: Filter, previous: Filter): boolean {
  return previous.terms.every((term) => next.terms.some((candidate) => implies(candidate, term)));
}

function implies(stricter: Term, term: Term): boolean {
  if (stricter.field === 'text' && term.field === 'text' && !stricter.negated && !term.negated) {
    // ASCII words only: there, matching without case is comparing lower case.
    const [longer, shorter] = [stricter.text, term.text];
    return (
      PRINTABLE_ASCII.test(longer) &&
      PRINTABLE_ASCII.test(shorter) &&
      longer.toLowerCase().includes(shorter.toLowerCase())
    );
  }
  return JSON.stringify(stricter) === JSON.stringify(term);
}
