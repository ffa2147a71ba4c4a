// Everything that narrows the list: the typed filter (the `/` bar, core's filter language), the
// quick status filter (e, S), the function picker's choice (F) and a start-time bound (:since).
// `predicate` turns them into one test, built once per change and run over the whole list.
import type { Activation, ActivationStatus } from '../../core/activation.js';
import { describeFilter, emptyFilter, isEmptyFilter, parseFilter, type Filter } from '../../core/filter.js';
import { FAILED_STATUSES } from '../../core/filter-terms.js';

/** 'all', 'failed' (anything but success) or one status. */
export type QuickStatus = 'all' | 'failed' | ActivationStatus;

/** The order S steps through. */
export const QUICK_STATUS_CYCLE: readonly QuickStatus[] = [
  'all',
  'failed',
  'success',
  'app-error',
  'dev-error',
  'internal',
  'timeout',
];

export interface FilterState {
  /** The text of the typed filter in force: always one that parsed. */
  text: string;
  filter: Filter;
  status: QuickStatus;
  /** Shown functions (`pkg/fn`); empty means all. */
  functions: ReadonlySet<string>;
  /** Only activations that started at or after this (epoch ms). */
  since?: number;
}

export const INITIAL_FILTER: FilterState = { text: '', filter: emptyFilter, status: 'all', functions: new Set() };

export interface FilterError {
  message: string;
  /** Index in the typed text where the problem starts. */
  position: number;
}

/** Apply typed text: a text that parses replaces the filter; one that does not leaves it in force. */
export function withText(state: FilterState, text: string): { state: FilterState; error?: FilterError } {
  const parsed = parseFilter(text);
  if (!parsed.ok) return { state, error: { message: parsed.error, position: parsed.position } };
  return { state: { ...state, text, filter: parsed.filter } };
}

export function nextQuickStatus(status: QuickStatus): QuickStatus {
  const index = QUICK_STATUS_CYCLE.indexOf(status);
  return QUICK_STATUS_CYCLE[(index + 1) % QUICK_STATUS_CYCLE.length] ?? 'all';
}

export function isFiltering(state: FilterState): boolean {
  return (
    !isEmptyFilter(state.filter) || state.status !== 'all' || state.functions.size > 0 || state.since !== undefined
  );
}

const FAILED: ReadonlySet<ActivationStatus> = new Set(FAILED_STATUSES);

/** One test for all the parts; the cheap field checks run before the typed filter's text scans. */
export function predicate(state: FilterState): ((activation: Activation) => boolean) | undefined {
  if (!isFiltering(state)) return undefined;
  const { status, functions, since, filter } = state;
  const typed = isEmptyFilter(filter) ? undefined : filter.test;
  return (activation) => {
    if (since !== undefined && activation.start < since) return false;
    if (status === 'failed' ? !FAILED.has(activation.status) : status !== 'all' && activation.status !== status)
      return false;
    if (functions.size > 0 && !functions.has(activation.fn)) return false;
    return typed === undefined || typed(activation);
  };
}

/** Short human description of the parts in force, for the header. */
export function describeParts(state: FilterState): string[] {
  const parts: string[] = [];
  if (!isEmptyFilter(state.filter)) parts.push(describeFilter(state.filter));
  if (state.status !== 'all') parts.push(state.status === 'failed' ? 'errors only' : `status ${state.status}`);
  if (state.functions.size > 0)
    parts.push(state.functions.size === 1 ? `fn ${[...state.functions][0]}` : `${state.functions.size} functions`);
  return parts;
}
