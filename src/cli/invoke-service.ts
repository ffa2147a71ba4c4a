// The Invoker (core/invoke.ts) over the OpenWhisk client, project.yml and fnmon's invoke history.
// Invocations are never retried. A blocking result is normalised into the store, because the
// platform may keep no record of a blocking invoke; if the record does show up in the list later,
// the store ignores it (it holds the id already, as a full record).
import { isApiError } from '../api/errors.js';
import type { OpenWhiskClient } from '../api/openwhisk.js';
import { InvokeHistory } from '../config/invoke-history.js';
import { loadProjectFile, projectDefaults, type ProjectLocation } from '../config/project-file.js';
import { normaliseActivation } from '../core/activation.js';
import type { InvokePreparation, InvokeResult, Invoker, SendOptions } from '../core/invoke.js';
import {
  describeParams,
  renderParams,
  startingParams,
  withoutBound,
  type Params,
  type ParamSources,
} from '../core/invoke-params.js';
import type { ActivationStore } from '../core/store.js';

export interface InvokeServiceOptions {
  client: OpenWhiskClient;
  /** Where blocking results go (the monitor's store, or a throwaway one for the command line). */
  store: ActivationStore;
  historyFile: string;
  project: ProjectLocation;
}

export class InvokeService implements Invoker {
  private readonly client: OpenWhiskClient;
  private readonly store: ActivationStore;
  private readonly history: InvokeHistory;
  private readonly project: ProjectLocation;
  private readonly inFlight = new Set<string>();
  /** Bound parameters last read per function, so send() can leave out what the platform applies. */
  private readonly boundByFunction = new Map<string, Params>();
  /** New activation id -> the activation it re-runs. */
  private readonly reruns = new Map<string, string>();
  private pendingWarnings: string[] = [];

  constructor(options: InvokeServiceOptions) {
    this.client = options.client;
    this.store = options.store;
    this.project = options.project;
    this.history = new InvokeHistory({
      file: options.historyFile,
      warn: (message) => this.pendingWarnings.push(message),
    });
  }

  async prepare(fn: string): Promise<InvokePreparation> {
    const warnings: string[] = [];
    const [bound, project, history] = await Promise.all([
      this.boundParams(fn).catch((error: unknown) => {
        warnings.push(`the bound parameters of ${fn} are unknown: ${messageOf(error)}`);
        return {};
      }),
      this.projectParams(fn, warnings),
      this.history.entries(fn),
    ]);
    const sources: ParamSources = { bound, project: project.params, history };
    const starting = startingParams(sources);
    return {
      fn,
      sources,
      text: renderParams(starting),
      fields: describeParams(sources, starting),
      ...(project.file !== undefined && { projectFile: project.file }),
      warnings: [...warnings, ...this.takeWarnings()],
    };
  }

  async send(fn: string, params: Params, options: SendOptions): Promise<InvokeResult> {
    if (this.inFlight.has(fn)) {
      return { kind: 'failed', errorKind: 'busy', message: `an invocation of ${fn} is already in flight` };
    }
    this.inFlight.add(fn);
    try {
      const sent = withoutBound(params, this.boundByFunction.get(fn) ?? {});
      // Remembered whatever happens next: a failed invocation is the one most worth repeating.
      await this.history.record(fn, sent);
      return await this.invoke(fn, sent, options);
    } finally {
      this.inFlight.delete(fn);
    }
  }

  rerunOf(activationId: string): string | undefined {
    return this.reruns.get(activationId);
  }

  /** The function's bound parameters (GET action); init parameters are environment, not arguments. */
  async boundParams(fn: string): Promise<Params> {
    const action = await this.client.getAction(fn);
    const bound = Object.fromEntries(action.parameters.filter((p) => !p.init).map((p) => [p.key, p.value]));
    this.boundByFunction.set(fn, bound);
    return bound;
  }

  /** Warnings from the history file since the last call (prepare() includes them itself). */
  takeWarnings(): string[] {
    const warnings = this.pendingWarnings;
    this.pendingWarnings = [];
    return warnings;
  }

  private async invoke(fn: string, params: Params, options: SendOptions): Promise<InvokeResult> {
    try {
      // blocking without result=true: the whole record comes back, not only the function's result.
      const outcome = await this.client.invoke(fn, params, { blocking: options.blocking });
      if (options.rerunOf !== undefined) this.reruns.set(outcome.activationId, options.rerunOf);
      if (outcome.kind === 'accepted') {
        return { kind: 'accepted', activationId: outcome.activationId, demoted: options.blocking };
      }
      const activation = normaliseActivation(outcome.body);
      if (!activation) {
        return { kind: 'failed', errorKind: 'bad-response', message: `the result of ${fn} has no activation id` };
      }
      this.store.add([activation]);
      return { kind: 'result', status: outcome.status, activation };
    } catch (error) {
      if (!isApiError(error)) throw error;
      const message =
        error.kind === 'outcome-unknown'
          ? `outcome unknown — check the stream before sending again (${error.message})`
          : error.message;
      return {
        kind: 'failed',
        errorKind: error.kind,
        message,
        ...(error.status !== undefined && { httpStatus: error.status }),
      };
    }
  }

  private async projectParams(fn: string, warnings: string[]): Promise<{ params: Params; file?: string }> {
    const loaded = await loadProjectFile(this.project);
    if (!loaded.ok) {
      warnings.push(loaded.message);
      return { params: {} };
    }
    if (!loaded.project) return { params: {} };
    const defaults = projectDefaults(loaded.project, fn);
    if (defaults.templated.length > 0) {
      const keys = defaults.templated.join(', ');
      warnings.push(`${loaded.project.path}: ${keys} of ${fn} use \${…} templates; the deployed values apply`);
    }
    return { params: defaults.params, file: loaded.project.path };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
