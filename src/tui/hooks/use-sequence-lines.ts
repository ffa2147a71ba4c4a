// The detail pane's sequence tree for the selected activation, when it is a sequence: built from the
// store, and the components the store lacks (or nested sequences known only as summaries, whose
// component ids are in their full record) fetched once each; the tree is rebuilt as they arrive.
import { useEffect, useMemo, useState } from 'react';
import type { Activation } from '../../core/activation.js';
import type { MonitorService } from '../../core/monitor.js';
import { buildSequenceTree, componentIds, type SequenceTree } from '../../core/sequence-tree.js';
import { sequenceLines } from '../view/sequence-lines.js';
import type { StyledLine } from '../view/styled-line.js';
import type { ActivationDetail } from './use-activation-detail.js';

/** Fetches started per tree build: a sequence of hundreds of steps fills in over a few rounds. */
const FETCHES_PER_ROUND = 10;
const NOTHING: readonly StyledLine[] = [];

export function useSequenceLines(
  service: MonitorService,
  detail: ActivationDetail | undefined,
  version: number,
  width: number,
  ascii: boolean,
): readonly StyledLine[] {
  // Ids asked for once (so a failure is not asked for again every render), and those that failed.
  const [asked] = useState(() => new Set<string>());
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());
  const root = sequenceRoot(detail);
  const tree = useMemo(
    () => (root && componentIds(root).length > 0 ? buildSequenceTree(root, (id) => service.store.get(id)) : undefined),
    [service, root, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const toFetch = tree
    ? idsToFetch(tree)
        .filter((id) => !asked.has(id))
        .slice(0, FETCHES_PER_ROUND)
    : [];
  const toFetchKey = toFetch.join(' ');

  useEffect(() => {
    if (toFetchKey === '') return;
    for (const id of toFetchKey.split(' ')) {
      asked.add(id);
      // A success lands in the store, whose version change rebuilds the tree.
      service.fetchFull(id).catch(() => setFailed((ids) => new Set([...ids, id])));
    }
  }, [service, asked, toFetchKey]);

  return useMemo(() => (tree ? sequenceLines(tree, { width, ascii, failed }) : NOTHING), [tree, width, ascii, failed]);
}

/** The selected sequence with its component ids: from its record, or from its logs fetched alone. */
function sequenceRoot(detail: ActivationDetail | undefined): Activation | undefined {
  const activation = detail?.activation;
  if (!activation?.isSequence) return undefined;
  if (activation.logs !== undefined || detail?.logs.kind !== 'ready') return activation;
  return logsOnce(activation, detail.logs.lines);
}

// The same object for the same activation and logs, so the tree's memo holds across renders.
const withLogs = new WeakMap<Activation, { logs: readonly string[]; root: Activation }>();
function logsOnce(activation: Activation, logs: readonly string[]): Activation {
  const cached = withLogs.get(activation);
  if (cached?.logs === logs) return cached.root;
  const root = { ...activation, logs: [...logs] };
  withLogs.set(activation, { logs, root });
  return root;
}

/** Components the store lacks, and nested sequences it holds only as summaries (no component ids). */
function idsToFetch(tree: SequenceTree): string[] {
  const summaries = tree.rows
    .filter((row) => row.depth > 0 && row.activation?.isSequence && row.activation.logs === undefined)
    .map((row) => row.id);
  return [...tree.missingIds, ...summaries];
}
