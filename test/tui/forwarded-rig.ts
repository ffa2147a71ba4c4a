// The monitor's service with a real ForwardedLogs, fed by scripted sources and stepped by hand
// (pollOnce) on a clock the test moves: what cli/ wires up, minus the network.
import { ForwardedLogs } from '../../src/core/forwarded.js';
import type { ForwardedSourceName } from '../../src/core/forwarded-types.js';
import type { Activation } from '../../src/core/activation.js';
import { FakeClock, ScriptedSource } from '../core/forwarded/fixtures.js';
import { fullRecord } from './data.js';
import { FakeMonitorService } from './fake-service.js';

export const ORPHAN_AFTER_MS = 10_000;
export const NOTICE =
  'Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';

export class ForwardingService extends FakeMonitorService {
  constructor(public forwarded: ForwardedLogs | undefined) {
    super();
  }

  /** Like the real service: the stream tells forwarded logs which ids it delivered. */
  override addRaw(records: readonly unknown[]): Activation[] {
    const added = super.addRaw(records);
    this.forwarded?.noteActivations(added.map((activation) => activation.id));
    return added;
  }
}

export function forwardedLogs(sources: readonly ScriptedSource[], clock: FakeClock): ForwardedLogs {
  return new ForwardedLogs({ sources, orphanAfterMs: ORPHAN_AFTER_MS, clock, random: () => 0.5 });
}

export function forwardingRig(sourceNames: readonly ForwardedSourceName[] = ['papertrail']) {
  const clock = new FakeClock(Date.now());
  const sources = sourceNames.map((name) => new ScriptedSource(name));
  const forwarded = forwardedLogs(sources, clock);
  const service = new ForwardingService(forwarded);
  /** Lines of ids the stream has not delivered become entries of their own after the grace period. */
  const orphanAfterGrace = async () => {
    await forwarded.pollOnce();
    clock.time += ORPHAN_AFTER_MS;
    await forwarded.pollOnce();
  };
  return { service, forwarded, clock, sources, orphanAfterGrace };
}

/** A record of a function that forwards its logs: only the platform's notice is in it. */
export function forwardingRecord(id: string, fn: string, start: number): Record<string, unknown> {
  return fullRecord({ id, fn, start, logs: [`${new Date(start).toISOString()} stdout: ${NOTICE}`] });
}
