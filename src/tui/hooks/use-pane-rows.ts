// The detail and log panes' rows for the selected activation, laid out to their widths. The
// expensive parts (the record's JSON, the log lines) are rebuilt only when the activation, the
// width or a display option changes; the header (relative times) follows the clock. Unwrapped,
// the record's JSON and the log are laid out row by row as the panes show them (rows.ts).
import { useMemo } from 'react';
import type { Activation } from '../../core/activation.js';
import { sanitize } from '../../core/logline.js';
import { detailHeaderLines, recordTitle, type RecordState } from '../view/detail-lines.js';
import { jsonRows } from '../view/json-lines.js';
import { layoutLines, layoutRows, logPrefixWidth, logRows } from '../view/log-lines.js';
import { orphanDetailLines, orphanEntryOf } from '../view/orphan-rows.js';
import { concatRows, type Rows } from '../view/rows.js';
import { segment, type StyledLine } from '../view/styled-line.js';
import type { ActivationDetail } from './use-activation-detail.js';

export interface PaneRowOptions {
  detailWidth: number;
  logWidth: number;
  wrap: boolean;
  logTimestamps: boolean;
  now: number;
  highlight: (text: string) => ReadonlyArray<readonly [number, number]>;
  lookup: (id: string) => Activation | undefined;
  /** The activation a re-run re-ran, for the ones fnmon started. */
  rerunOf?: (id: string) => string | undefined;
  /** A sequence's component tree (laid out to detailWidth), shown under the header. */
  sequence: readonly StyledLine[];
  /** The forwarded output's rows (laid out to logWidth): under the record's notice, or all there is. */
  forwarded?: readonly StyledLine[];
}

export interface PaneRows {
  detail: Rows;
  logs: Rows;
}

const NOTHING: readonly StyledLine[] = [];
/** Continuation rows of a wrapped header value start under the value, past the label. */
const HEADER_INDENT = 11;

export function usePaneRows(detail: ActivationDetail | undefined, options: PaneRowOptions): PaneRows {
  const { detailWidth, logWidth, wrap, logTimestamps, now, highlight, lookup, rerunOf, sequence, forwarded } = options;
  const activation = detail?.activation;
  // An entry with no activation record: no record to show, only its forwarded lines.
  const orphan = activation && orphanEntryOf(activation);
  // Primitive parts as memo keys: the detail object itself is rebuilt on every render.
  const recordKind = detail?.record.kind;
  const recordError = detail?.record.kind === 'failed' ? detail.record.message : undefined;
  const logsKind = detail?.logs.kind;
  const logText = detail?.logs.kind === 'ready' ? detail.logs.lines : undefined;
  const logError = detail?.logs.kind === 'failed' ? detail.logs.message : undefined;

  const json = useMemo(
    () => (activation && !orphan ? layoutRows(jsonRows(activation.raw), detailWidth, wrap, 2) : NOTHING),
    [activation, orphan, detailWidth, wrap],
  );
  const header = useMemo(() => {
    if (orphan) return layoutLines(orphanDetailLines(orphan, now, detailWidth), detailWidth, wrap, HEADER_INDENT);
    if (!activation || recordKind === undefined) return NOTHING;
    const record: RecordState =
      recordKind === 'failed' ? { kind: 'failed', message: recordError ?? '' } : { kind: recordKind };
    return layoutLines(
      [...detailHeaderLines(activation, now, rerunOf?.(activation.id)), ...sequence, [], recordTitle(record)],
      detailWidth,
      wrap,
      HEADER_INDENT,
    );
  }, [activation, orphan, recordKind, recordError, now, detailWidth, wrap, rerunOf, sequence]);
  const detailRows = useMemo(() => (header.length === 0 ? NOTHING : concatRows([header, json])), [header, json]);

  const logPane = useMemo((): Rows => {
    if (!activation || logsKind === undefined) return NOTHING;
    if (orphan) return forwarded ?? NOTHING;
    const after = forwarded ?? NOTHING;
    if (logsKind === 'loading') return [[segment('fetching the logs…', { color: 'cyan' })], ...after];
    if (logText === undefined)
      return [[segment(`could not fetch the logs: ${sanitize(logError ?? '')}`, { color: 'red' })], ...after];
    const lines = logRows(activation, logText, { timestamps: logTimestamps, highlight, lookup, forwarded });
    return layoutRows(lines, logWidth, wrap, logPrefixWidth(logTimestamps));
  }, [activation, orphan, logsKind, logText, logError, logWidth, wrap, logTimestamps, highlight, lookup, forwarded]);

  return { detail: detailRows, logs: logPane };
}
