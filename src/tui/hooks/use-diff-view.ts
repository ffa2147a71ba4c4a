// The diff view's data: the two marked activations as full records (fetched when the store holds
// summaries; the service upgrades the store), diffed and laid out to the width. Rebuilt when either
// record changes or the width does (not when the view scrolls: the pair is keyed by its ids).
import { useEffect, useMemo, useState } from 'react';
import type { Activation } from '../../core/activation.js';
import { diffActivations } from '../../core/diff.js';
import { sanitize } from '../../core/logline.js';
import type { MonitorService } from '../../core/monitor.js';
import type { DiffViewState } from '../state/insights-state.js';
import { diffViewLines } from '../view/diff-lines.js';
import { segment, type StyledLine } from '../view/styled-line.js';

export interface DiffView {
  /** The diff's lines, under a line saying what is still on its way or went wrong (if anything). */
  rows: readonly StyledLine[];
}

type Fetched = { ok: true; activation: Activation } | { ok: false; message: string };

/** Answers of the fetches for one pair (another pair starts afresh, so a failure is retried). */
interface Answers {
  pair: string;
  byId: ReadonlyMap<string, Fetched>;
}

export function useDiffView(
  service: MonitorService,
  view: DiffViewState | undefined,
  width: number,
  version: number,
): DiffView | undefined {
  const ids = view ? [view.left, view.right] : [];
  const pair = ids.join(' ');
  const [answers, setAnswers] = useState<Answers>({ pair, byId: new Map() });
  const byId = answers.pair === pair ? answers.byId : undefined;
  // `version`: the store changed, maybe with one of the full records.
  const [left, right] = useMemo(
    () => (pair === '' ? [] : pair.split(' ').map((id) => fullest(service, id, byId))),
    [service, pair, byId, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const wanted = ids.filter((id) => !byId?.has(id) && !service.store.get(id)?.full);
  const wantedKey = wanted.join(' ');

  useEffect(() => {
    if (wantedKey === '') return;
    let cancelled = false;
    const answer = (id: string, fetched: Fetched) => {
      if (cancelled) return;
      setAnswers((current) => {
        const known = current.pair === pair ? current.byId : new Map<string, Fetched>();
        return { pair, byId: new Map([...known, [id, fetched]]) };
      });
    };
    for (const id of wantedKey.split(' ')) {
      service.fetchFull(id).then(
        (activation) => answer(id, { ok: true, activation }),
        (error: unknown) => answer(id, { ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    }
    return () => {
      cancelled = true;
    };
  }, [service, pair, wantedKey]);

  return useMemo(() => {
    if (pair === '') return undefined;
    const lines = left && right ? diffViewLines(diffActivations(left, right), width) : [];
    const status = statusLine(pair.split(' '), byId, Boolean(left?.full && right?.full));
    return { rows: status ? [status, ...lines] : lines };
  }, [pair, left, right, width, byId]);
}

/** The store's copy when it is full, else what was fetched, else the store's summary. */
function fullest(service: MonitorService, id: string, byId: ReadonlyMap<string, Fetched> | undefined) {
  const stored = service.store.get(id);
  if (stored?.full) return stored;
  const fetched = byId?.get(id);
  return fetched?.ok ? fetched.activation : stored;
}

function statusLine(
  ids: readonly string[],
  byId: ReadonlyMap<string, Fetched> | undefined,
  complete: boolean,
): StyledLine | undefined {
  for (const id of ids) {
    const fetched = byId?.get(id);
    if (fetched && !fetched.ok)
      return [segment(`could not fetch ${sanitize(id)}: ${sanitize(fetched.message)}`, { color: 'red' })];
  }
  return complete ? undefined : [segment('fetching the full records…', { color: 'cyan' })];
}
