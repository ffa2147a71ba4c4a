// Re-invocation as the TUI sees it: the Invoker contract that cli/ implements over the API client,
// fnmon's invoke history and project.yml. The parameter logic itself is in invoke-params.ts.
//
// How the invoke dialog uses it:
//   const prep = await invoker.prepare(fn);            // show prep.fields; edit prep.text
//   pick history i      -> text = renderParams(prep.sources.history[i].params)
//   on every edit       -> parseParamsText(text): show the error at line/column, or
//                          describeParams(prep.sources, parsed.params) as the provenance list
//   submit              -> invoker.send(fn, parsed.params, { blocking, rerunOf: selectedId })
//   in the stream       -> invoker.rerunOf(activation.id) gives "re-run of <id>"
import type { Activation } from './activation.js';
import type { Params, ParamSources, SourcedParam } from './invoke-params.js';

export interface Invoker {
  /**
   * Reads the bound parameters, project.yml and the history for `fn` (`pkg/fn` or `fn`) and proposes
   * a starting text. Never rejects: what could not be read becomes a line in `warnings`.
   */
  prepare(fn: string): Promise<InvokePreparation>;
  /**
   * Invokes `fn` once with `params` (the parsed editor text). Values equal to the bound ones read by
   * the last prepare(fn) are left out (the platform applies them anyway, and refuses to have final
   * ones overridden). What is sent goes into the history before the request.
   * Every API failure is a `failed` result, not a rejection. At most one invocation per function is
   * in flight; a second send for the same function fails with errorKind 'busy' without sending.
   */
  send(fn: string, params: Params, options: SendOptions): Promise<InvokeResult>;
  /** The activation a re-run was started from, for activations this invoker started. */
  rerunOf(activationId: string): string | undefined;
}

export interface InvokePreparation {
  fn: string;
  /** Bound (read-only), project defaults, history newest first. */
  sources: ParamSources;
  /** Starting editor text: project defaults overlaid by the newest history entry, as YAML ('' = none). */
  text: string;
  /** Where each value of `text`, and each bound parameter, comes from. */
  fields: SourcedParam[];
  /** The project.yml that was read, when one was found (it may define nothing for `fn`). */
  projectFile?: string;
  /** One line each: project.yml errors (file:line: key: problem), unreadable action or history. */
  warnings: string[];
}

export interface SendOptions {
  /**
   * true: wait for the result (blocking=true; the full record comes back and goes into the store).
   * The platform demotes a call still running after ~30 s to accepted. false: accepted at once.
   */
  blocking: boolean;
  /** The activation this re-runs; remembered for rerunOf(). */
  rerunOf?: string;
}

export type InvokeResult =
  /** The function ran: 200 success, 502 application/developer error, 500 platform error. */
  | { kind: 'result'; status: 200 | 502 | 500; activation: Activation }
  /**
   * The platform took it and answered with the id only: non-blocking, or blocking but still running
   * when the wait ended (`demoted`). The stream shows the activation when it ends.
   */
  | { kind: 'accepted'; activationId: string; demoted: boolean }
  | { kind: 'failed'; errorKind: InvokeErrorKind; message: string; httpStatus?: number };

/**
 * Why nothing ran, or why we cannot tell:
 * - 'rate-limited' (429), 'not-found' (404), 'auth' (401/403), 'usage' (400, 413, bad name), 'server',
 *   'network', 'timeout', 'bad-response': as the API reported them;
 * - 'outcome-unknown': the connection failed after the request went out; it may have run. Never
 *   retried: check the stream before sending again;
 * - 'busy': an invocation of this function is already in flight; nothing was sent.
 */
export type InvokeErrorKind =
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'usage'
  | 'outcome-unknown'
  | 'busy';
