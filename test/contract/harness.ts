// Starts the real emulator on loopback and builds real clients against it; everything is closed
// after the file's tests. No HTTP mocks: the emulator is the test double (DESIGN.md, Testing).
import { afterAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { OpenWhiskClient, type OpenWhiskClientOptions } from '../../src/api/openwhisk.js';
import { DigitalOceanClient, type DigitalOceanClientOptions } from '../../src/api/digitalocean.js';

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  while (closers.length) await closers.pop()?.();
});

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const running = await startEmulator({ traffic: false, ...options });
  closers.push(() => running.close());
  return running;
}

export function openWhisk(target: RunningEmulator, options: Partial<OpenWhiskClientOptions> = {}): OpenWhiskClient {
  const client = new OpenWhiskClient({ apihost: target.apihost, auth: target.auth, ...options });
  closers.push(() => client.close());
  return client;
}

export function digitalOcean(
  target: RunningEmulator,
  options: Partial<DigitalOceanClientOptions> = {},
): DigitalOceanClient {
  const client = new DigitalOceanClient({ token: target.doToken, baseUrl: target.doApi, ...options });
  closers.push(() => client.close());
  return client;
}

/** How many requests the emulator receives while `action` runs. */
export async function requestsDuring(target: RunningEmulator, action: () => Promise<unknown>): Promise<number> {
  const before = target.stats().requests;
  await action().catch(() => undefined);
  return target.stats().requests - before;
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
