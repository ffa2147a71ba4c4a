// `fnmon tail --output json` (the built binary) against the emulator while it injects every kind
// of fault in turn: 5xx, 429 with Retry-After, connection resets, truncated bodies, answers slower
// than the client waits, and a total outage. tail keeps running, says on stderr what is wrong and
// when it is back, backs off as the policy says (counted in requests), and prints every activation
// exactly once, checked against the emulator's own record of what became visible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { maxRequestsDuringOutage } from './backoff-bound.js';
import { startBinary, type StreamingRun } from './streaming-binary.js';

const POLL_MS = 250;
const OUTAGE_MS = 5000;
const RATE_LIMITED_MS = 4000;
/** Requests a poll already under way may still make when a fault phase starts (count + a page or two). */
const IN_FLIGHT = 5;

let emulator: RunningEmulator;
const visible: Array<{ id: string; at: number }> = [];

beforeAll(async () => {
  // Slow answers take longer than the client's 10 s timeout for response headers.
  emulator = await startEmulator({ seed: 9, rate: 15, maxDurationMs: 1500, slowMs: 11_000 });
  emulator.onVisible((record) => visible.push({ id: record.activationId, at: Date.now() }));
});

afterAll(async () => {
  await emulator.close();
});

/** Requests the emulator receives while `faults` are on for `ms`. */
async function requestsUnder(faults: string, ms: number): Promise<number> {
  const before = emulator.stats().requests;
  emulator.setFaults(faults);
  await new Promise((resolve) => setTimeout(resolve, ms));
  const requests = emulator.stats().requests - before;
  emulator.setFaults('');
  return requests;
}

/** Turns `faults` on until tail reports `says`, then off until it reports that it is back. */
async function faultPhase(tail: StreamingRun, faults: string, says: RegExp): Promise<string> {
  const from = tail.stderrLines().length;
  emulator.setFaults(faults);
  const line = await tail.waitForStderr(says, `tail to report ${faults}`, from, 40_000);
  emulator.setFaults('');
  await tail.waitForStderr(/connection restored/, `tail to recover from ${faults}`, from);
  return line;
}

describe('fnmon tail under faults', () => {
  it(
    'keeps running, reports each fault, backs off and prints every activation exactly once',
    { timeout: 150_000 },
    async () => {
      const env = { ...tempHome().env, FNMON_APIHOST: emulator.apihost, FNMON_AUTH: emulator.auth, NO_COLOR: '1' };
      const since = new Date(Date.now() - 60_000).toISOString();
      const tail = startBinary(['tail', '--output', 'json', '--poll', `${POLL_MS}ms`, '--since', since], env);
      try {
        await tail.waitUntil(() => tail.stdoutLines().length > 10, 'the first activations');
        await requestsUnder('500:0.1,429:0.05,reset:0.05,garbage:0.05', 6000);
        await tail.waitForStderr(/connection restored/, 'recovery from the mixed faults');

        const reasons = [
          await faultPhase(tail, '500:1', /failed to answer the request .* \(500\).* — retrying in \d+s$/),
          await faultPhase(
            tail,
            '429:1',
            /rate limited by .*: wait 1 s before trying again \(429\).* — retrying in \d+s$/,
          ),
          await faultPhase(tail, 'reset:1', /the connection to .* failed .* — retrying in \d+s$/),
          await faultPhase(tail, 'garbage:1', /a body that is not valid JSON — retrying in \d+s$/),
          await faultPhase(tail, 'slow:1', /did not answer within 10000 ms — retrying in \d+s$/),
        ];
        expect(reasons).toHaveLength(5);

        // Back-off, counted: no more polls than the policy allows, each failing at its first read.
        const pacing = { minIntervalMs: POLL_MS, maxIntervalMs: 5000 };
        const duringOutage = await requestsUnder('503:1', OUTAGE_MS);
        expect(duringOutage).toBeLessThanOrEqual(maxRequestsDuringOutage(OUTAGE_MS, pacing) + IN_FLIGHT);
        await tail.waitForStderr(/connection restored/, 'recovery from the outage', tail.stderrLines().length - 1);
        const rateLimited = await requestsUnder('429:1', RATE_LIMITED_MS);
        expect(rateLimited).toBeLessThanOrEqual(maxRequestsDuringOutage(RATE_LIMITED_MS, pacing, 1000) + IN_FLIGHT);

        // Everything that became visible, through all of it, is printed once; nothing else is.
        const cutoff = Date.now();
        const expected = () => visible.filter((entry) => entry.at <= cutoff).map((entry) => entry.id);
        const printed = () =>
          tail.stdoutLines().map((line) => (JSON.parse(line) as { activationId: string }).activationId);
        await tail.waitUntil(
          () => new Set(printed()).size >= new Set(expected()).size,
          'every activation to be printed',
        );
        const ids = printed();
        expect(new Set(ids).size).toBe(ids.length);
        expect(expected().filter((id) => !ids.includes(id))).toEqual([]);
        const truth = new Set(visible.map((entry) => entry.id));
        expect(ids.filter((id) => !truth.has(id))).toEqual([]);
        expect(expected().length).toBeGreaterThan(200);
      } finally {
        expect(await tail.stop('SIGINT')).toBe(130);
      }
      expect(tail.stderrLines().every((line) => line.startsWith('fnmon: '))).toBe(true);
    },
  );
});
