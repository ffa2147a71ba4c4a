// The contestants of the tail benchmark, by name: fnmon's engine as each command wires it, and the
// two baselines. All of them talk to the emulator through the same client (undici keep-alive,
// retries off, as `fnmon`, doctl and wsk all do), so the comparison is of polling rules alone.
import type { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { wireSource } from '../../src/cli/wire-source.js';
import { TailEngine } from '../../src/core/tail.js';
import { DoctlFollow } from '../baselines/doctl-follow.js';
import { WskPoll } from '../baselines/wsk-poll.js';
import type { Deliver, Poller } from './poller.js';

export const CONTESTANTS = {
  'fnmon-tui': 'fnmon monitor engine (docs=false, as the TUI)',
  'fnmon-tail': 'fnmon tail engine (docs=true, as `fnmon tail`)',
  doctl: 'doctl activations logs --follow (stops on first error)',
  'doctl-rule': 'doctl rule, errors skipped (not doctl: its steady cost)',
  wsk: 'wsk activation poll',
} as const;

export type ContestantName = keyof typeof CONTESTANTS;

export function isContestant(name: string): name is ContestantName {
  return Object.hasOwn(CONTESTANTS, name);
}

/** How the monitor service opens: 15 minutes of history (none exists when the run starts). */
const MONITOR_HISTORY_MS = 15 * 60 * 1000;

export function createPoller(name: ContestantName, client: OpenWhiskClient, deliver: Deliver): Poller {
  switch (name) {
    case 'fnmon-tui':
    case 'fnmon-tail':
      return fnmonPoller(client, deliver, name === 'fnmon-tail');
    case 'doctl':
      return new DoctlFollow({ client, deliver });
    case 'doctl-rule':
      return new DoctlFollow({ client, deliver, keepGoing: true });
    case 'wsk':
      return new WskPoll({ client, deliver });
  }
}

/** The engine exactly as monitor-service.ts (docs=false) or tail-command.ts (docs=true) wires it. */
function fnmonPoller(client: OpenWhiskClient, deliver: Deliver, docs: boolean): Poller {
  const engine = new TailEngine({
    source: wireSource(client),
    docs,
    ...(!docs && { historySince: Date.now() - MONITOR_HISTORY_MS }),
  });
  engine.onBatch((batch) => deliver(batch.map((delivery) => delivery.activation.id)));
  return {
    start: () => engine.start(),
    stop: () => engine.stop(),
    stopped: undefined,
  };
}
