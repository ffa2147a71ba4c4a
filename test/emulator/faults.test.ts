// Fault injection on GET requests: every kind is observable; the spec parser explains mistakes.
import { describe, expect, it } from 'vitest';
import { parseFaults } from '../../src/emulator/index.js';
import { doApi, emulator, ow } from './helpers.js';

describe('faults', () => {
  it('answers a status fault with that status and the OpenWhisk error body', async () => {
    const emu = await emulator({ faults: '503:1' });
    const { status, body } = await ow(emu, 'activations');
    expect(status).toBe(503);
    expect(body).toEqual({ error: expect.any(String), code: expect.any(String) });
  });

  it('adds Retry-After: 1 to a 429 fault', async () => {
    const emu = await emulator({ faults: '429:1' });
    const { status, headers } = await ow(emu, 'activations');
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('1');
  });

  it('answers DO API faults with the DO error body', async () => {
    const emu = await emulator({ faults: '500:1' });
    const { status, body } = await doApi(emu, 'namespaces');
    expect(status).toBe(500);
    expect(body).toEqual({ id: 'server_error', message: expect.any(String) });
  });

  it('destroys the connection on a reset fault', async () => {
    const emu = await emulator({ faults: 'reset:1' });
    await expect(ow(emu, 'activations')).rejects.toThrow();
  });

  it('holds the reply back for slowMs on a slow fault', async () => {
    const emu = await emulator({ faults: 'slow:1', slowMs: 60_000 });
    const url = `${emu.apihost}/api/v1/namespaces/_/activations`;
    await expect(fetch(url, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
  });

  it('answers a garbage fault with a 200 whose JSON is cut short', async () => {
    const emu = await emulator({ faults: 'garbage:1' });
    const { status, text, body } = await ow(emu, 'activations?count=true');
    expect(status).toBe(200);
    expect(text.length).toBeGreaterThan(0);
    expect(body).toBeUndefined();
  });

  it('never applies faults to POST requests', async () => {
    const emu = await emulator({ faults: '503:1' });
    expect((await ow(emu, 'actions/sample/hello', { method: 'POST', body: '{}' })).status).toBe(202);
  });

  it('changes faults at runtime with setFaults, and "" clears them', async () => {
    const emu = await emulator();
    emu.setFaults('503:1');
    expect((await ow(emu, 'activations')).status).toBe(503);
    emu.setFaults('');
    expect((await ow(emu, 'activations')).status).toBe(200);
  });

  it('draws the same faults for the same seed and request order', async () => {
    const statusesFor = async (seed: number) => {
      const emu = await emulator({ seed, faults: '500:0.5' });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await ow(emu, 'activations')).status);
      return statuses;
    };
    const first = await statusesFor(3);
    expect(await statusesFor(3)).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });

  it('parses a full spec', () => {
    expect(parseFaults('500:0.05,429:0.05,reset:0.02,slow:0.01,garbage:0.01')).toEqual([
      { kind: 'status', status: 500, probability: 0.05 },
      { kind: 'status', status: 429, probability: 0.05 },
      { kind: 'reset', probability: 0.02 },
      { kind: 'slow', probability: 0.01 },
      { kind: 'garbage', probability: 0.01 },
    ]);
  });

  it.each([
    ['500', /expected KIND:PROBABILITY/],
    ['teapot:0.1', /unknown fault kind 'teapot'/],
    ['200:0.1', /unknown fault kind '200'/],
    ['500:1.5', /from 0 to 1/],
    ['500:abc', /from 0 to 1/],
    ['500:0.6,503:0.6', /add up to 1.2/],
    ['500:0.1,500:0.2', /given twice/],
  ])('rejects the spec %s with a clear message', (spec, message) => {
    expect(() => parseFaults(spec)).toThrow(message);
  });

  it('rejects a bad spec in setFaults', async () => {
    const emu = await emulator();
    expect(() => emu.setFaults('nope')).toThrow(/KIND:PROBABILITY/);
  });
});
