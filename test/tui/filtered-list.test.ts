// The filtered list taken from the previous one while a word is typed: the same as a full pass.
import { describe, expect, it } from 'vitest';
import { isFailure, normaliseActivation } from '../../src/core/activation.js';
import { INITIAL_FILTER, withText, type FilterState } from '../../src/tui/state/filter-state.js';
import { filteredList } from '../../src/tui/view/filtered-list.js';
import { streamPredicate } from '../../src/tui/view/orphan-rows.js';
import { generatedRecords } from './data.js';

const source = generatedRecords(400, Date.UTC(2024, 0, 1)).map((record) => normaliseActivation(record)!);

function fullPass(state: FilterState) {
  const test = streamPredicate(state)!;
  const list = source.filter(test);
  return { list, failures: list.filter(isFailure).length };
}

describe('filtered list', () => {
  it('gives what a full pass gives at every key, narrowing or not', () => {
    let state = INITIAL_FILTER;
    for (const text of ['h', 'he', 'hel', 'he', 'hel', 'hello', 'hello status:failed', 'x', 'hello']) {
      state = withText(state, text).state;
      expect(filteredList(source, state, streamPredicate(state)!)).toEqual(fullPass(state));
    }
    const errors = { ...state, status: 'failed' as const };
    expect(filteredList(source, errors, streamPredicate(errors)!)).toEqual(fullPass(errors));
  });
});
