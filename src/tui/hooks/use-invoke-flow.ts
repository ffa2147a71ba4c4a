// The re-invoke dialog's conversations with the Invoker: prepare() when a dialog opens, send()
// when a confirmation moves it to sending. A send is made once per (dialog, sendSerial), whatever
// re-renders happen meanwhile; its answer is dispatched even if the dialog was closed (it then
// goes to the status line).
import { useEffect, useRef, type Dispatch } from 'react';
import type { InvokePreparation, InvokeResult } from '../../core/invoke.js';
import type { MonitorService } from '../../core/monitor.js';
import type { InvokeDialog } from '../state/invoke-dialog.js';
import type { UiAction } from '../state/ui-state.js';

export function useInvokeFlow(
  service: MonitorService,
  dialog: InvokeDialog | undefined,
  dispatch: Dispatch<UiAction>,
): void {
  const id = dialog?.id;
  const fn = dialog?.fn;
  const loading = dialog?.phase === 'loading';
  useEffect(() => {
    if (!loading || id === undefined || fn === undefined) return;
    prepare(service, fn).then((prep) => dispatch({ type: 'dialog', action: { kind: 'prepared', id, prep } }));
  }, [service, dispatch, id, fn, loading]);

  const lastSent = useRef<string>(undefined);
  const serial = dialog?.phase === 'sending' ? dialog.sendSerial : undefined;
  const pending = dialog?.pending;
  const blocking = dialog?.blocking ?? true;
  const rerunOf = dialog?.rerunOf;
  useEffect(() => {
    if (serial === undefined || id === undefined || fn === undefined) return;
    const key = `${id}:${serial}`;
    if (lastSent.current === key) return;
    lastSent.current = key;
    send(service, fn, pending ?? {}, blocking, rerunOf).then((result) =>
      dispatch({ type: 'invoke-finished', id, fn, result }),
    );
  }, [service, dispatch, id, fn, serial, pending, blocking, rerunOf]);
}

/** prepare() never rejects by contract; should it anyway, the dialog still opens, with the reason. */
async function prepare(service: MonitorService, fn: string): Promise<InvokePreparation> {
  try {
    if (!service.invoker) throw new Error('read-only: invocation is disabled');
    return await service.invoker.prepare(fn);
  } catch (error) {
    const warning = `could not read the parameters of ${fn}: ${messageOf(error)}`;
    return { fn, sources: { bound: {}, project: {}, history: [] }, text: '', fields: [], warnings: [warning] };
  }
}

async function send(
  service: MonitorService,
  fn: string,
  params: Record<string, unknown>,
  blocking: boolean,
  rerunOf: string | undefined,
): Promise<InvokeResult> {
  const { invoker } = service;
  if (!invoker) return { kind: 'failed', errorKind: 'usage', message: 'read-only: invocation is disabled' };
  try {
    return await invoker.send(fn, params, { blocking, ...(rerunOf !== undefined && { rerunOf }) });
  } catch (error) {
    // Not an API answer (those are results): whether it went out is unknown, so say so.
    return {
      kind: 'failed',
      errorKind: 'outcome-unknown',
      message: `outcome unknown — check the stream (${messageOf(error)})`,
    };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
