// Shared helpers for emulator tests: start an emulator, talk to it over loopback HTTP.
import { afterEach } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
}

const running: RunningEmulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator that is closed after the current test. Quiet by default: no generated traffic. */
export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const started = await startEmulator({ traffic: false, ...options });
  running.push(started);
  return started;
}

export function basic(auth: string): string {
  return `Basic ${Buffer.from(auth).toString('base64')}`;
}

export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpResult> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** GET or POST against the OpenWhisk API with the emulator's own credential. */
export function ow(
  emu: RunningEmulator,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<HttpResult> {
  return request(`${emu.apihost}/api/v1/namespaces/_/${path}`, {
    ...init,
    headers: { authorization: basic(emu.auth), 'content-type': 'application/json' },
  });
}

export function doApi(emu: RunningEmulator, path: string): Promise<HttpResult> {
  return request(`${emu.doApi}/v2/functions/${path}`, { headers: { authorization: `Bearer ${emu.doToken}` } });
}

/** Polls until `probe` returns a value (not undefined); gives up after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A full, valid record with the given start, for loading into a quiet emulator. */
export function record(
  start: number,
  fn = 'sample/hello',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const id = (start.toString(16) + fn.length.toString(16)).padStart(32, '0').slice(-32);
  const name = fn.split('/').pop();
  return {
    namespace: 'fn-test',
    name,
    version: '0.0.1',
    subject: 'tester',
    activationId: id,
    start,
    end: start + 10,
    duration: 10,
    response: { status: 'success', success: true, result: { ok: true }, size: 11 },
    logs: [],
    annotations: [{ key: 'path', value: `fn-test/${fn}` }],
    publish: false,
    ...overrides,
  };
}
