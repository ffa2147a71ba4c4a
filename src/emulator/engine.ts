// Runs planned activations in real time: each record is built and made visible when it ends
// (never before: reference §2.2), then stored, appended to the record file and announced.
import type { WireActivation } from '../api/types.js';
import type { ActivationPlan } from './plan.js';
import { RecordBuilder } from './record-builder.js';
import type { RecordFile } from './record-file.js';
import type { RecordStore } from './record-store.js';
import type { Scheduler } from './scheduler.js';
import type { Identity } from './world.js';

export type VisibleListener = (record: WireActivation) => void;

export interface RunOptions {
  /** Asked when the activation ends: should its record be stored (DO keeps only some)? */
  keep: () => boolean;
  /** Called with the finished top-level record, stored or not (blocking invokes wait on it). */
  onEnd?: (record: WireActivation) => void;
}

export class Engine {
  private readonly listeners = new Set<VisibleListener>();
  private readonly builder: RecordBuilder;

  constructor(
    identity: Identity,
    private readonly store: RecordStore,
    private readonly scheduler: Scheduler,
    private readonly recordFile: RecordFile | undefined,
    /** Hands forwarded lines (LOG_DESTINATIONS) to the emulated destinations. */
    private readonly forwarder?: { forward(plan: ActivationPlan, start: number): void },
  ) {
    this.builder = new RecordBuilder(identity);
  }

  onVisible(listener: VisibleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts `plan` at epoch ms `start`; sequence components run inside it with `cause` set. */
  run(plan: ActivationPlan, start: number, options: RunOptions): void {
    this.schedule(plan, start, undefined, options);
  }

  private schedule(plan: ActivationPlan, start: number, cause: string | undefined, options: RunOptions): void {
    this.forwarder?.forward(plan, start);
    for (const component of plan.components ?? []) {
      this.schedule(component.plan, start + component.offsetMs, plan.activationId, { keep: options.keep });
    }
    this.scheduler.at(start + plan.spanMs, () => {
      const record = this.builder.build(plan, start, cause);
      if (options.keep()) this.publish(record);
      options.onEnd?.(record);
    });
  }

  private publish(record: WireActivation): void {
    this.store.add(record);
    this.recordFile?.append(record);
    for (const listener of this.listeners) {
      try {
        listener(record);
      } catch (error) {
        process.emitWarning(`onVisible listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
