// The emulator's log destinations for contract tests: invoke forwarding functions, wait for their
// lines to reach the destination (ground truth from onForwarded), and build read clients.
import { afterAll } from 'vitest';
import { BetterstackClient } from '../../../src/api/logsources/betterstack.js';
import { DatadogClient } from '../../../src/api/logsources/datadog.js';
import { PapertrailClient } from '../../../src/api/logsources/papertrail.js';
import type { DeliveredLine, EmulatorOptions, RunningEmulator } from '../../../src/emulator/index.js';
import { emulator } from '../harness.js';

export { rejectionOf } from '../harness.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  while (closers.length) await closers.pop()?.();
});

export async function destinations(options: EmulatorOptions = {}) {
  const target = await emulator({ maxDurationMs: 100, ...options });
  const delivered: DeliveredLine[] = [];
  target.onForwarded((line) => delivered.push(line));
  return { target, delivered };
}

/** Non-blocking invokes of `fn`; resolves to the activation ids. */
export async function invokeTimes(
  target: RunningEmulator,
  fn: string,
  times: number,
  params: object,
): Promise<string[]> {
  const authorization = `Basic ${Buffer.from(target.auth).toString('base64')}`;
  const ids: string[] = [];
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${target.apihost}/api/v1/namespaces/_/actions/${fn}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    ids.push(((await response.json()) as { activationId: string }).activationId);
  }
  return ids;
}

export async function eventually<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until `count` lines reached the destination. */
export function linesDelivered(delivered: DeliveredLine[], count: number): Promise<DeliveredLine[]> {
  return eventually(() => (delivered.length >= count ? [...delivered] : undefined));
}

export function papertrail(target: RunningEmulator, token = target.logSources.papertrail.token): PapertrailClient {
  const client = new PapertrailClient({ url: target.logSources.papertrail.url, token });
  closers.push(() => client.close());
  return client;
}

export function datadog(target: RunningEmulator, appKey = target.logSources.datadog.appKey): DatadogClient {
  const { url, apiKey } = target.logSources.datadog;
  const client = new DatadogClient({ url, apiKey, appKey });
  closers.push(() => client.close());
  return client;
}

export function betterstack(target: RunningEmulator, token = target.logSources.betterstack.token): BetterstackClient {
  const client = new BetterstackClient({ url: target.logSources.betterstack.url, token });
  closers.push(() => client.close());
  return client;
}
