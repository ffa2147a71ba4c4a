// One record: GET by id, /logs, /result, id validation, visibility only after the end,
// fixtures served unchanged, and the ground-truth hooks (onVisible, visibleRecords, recordFile).
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { WireActivation } from '../../src/api/types.js';
import { emulator, eventually, ow, record } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/activations/', import.meta.url));
const T = 1_700_000_000_000;

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
}

/** Non-blocking invoke; returns the activation id from the 202. */
async function invokeAsync(emu: Awaited<ReturnType<typeof emulator>>, fn: string, params: unknown): Promise<string> {
  const { status, body } = await ow(emu, `actions/${fn}`, { method: 'POST', body: JSON.stringify(params) });
  expect(status).toBe(202);
  return (body as { activationId: string }).activationId;
}

describe('GET /activations/{id}', () => {
  it('returns the full record', async () => {
    const loaded = record(T);
    const emu = await emulator({ load: [loaded] });
    const { status, body } = await ow(emu, `activations/${String(loaded.activationId)}`);
    expect(status).toBe(200);
    expect(body).toEqual(loaded);
  });

  it('answers an id of the wrong length with a 400 naming the length', async () => {
    const emu = await emulator();
    const { status, body } = await ow(emu, 'activations/abc123');
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe('Activation id length is 6 but must be 32.');
  });

  it('answers an id with non-hex characters with a 400', async () => {
    const emu = await emulator();
    const { status, body } = await ow(emu, `activations/${'z'.repeat(32)}`);
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe('The activation id is not valid.');
  });

  it('answers an unknown id with 404 and the {error, code} body', async () => {
    const emu = await emulator();
    const { status, body } = await ow(emu, `activations/${'a'.repeat(32)}`);
    expect(status).toBe(404);
    expect(body).toEqual({ error: 'The requested resource does not exist.', code: expect.stringMatching(/^\w+$/) });
  });

  it('serves /logs as {logs}', async () => {
    const loaded = record(T, 'sample/hello', { logs: ['2024-01-01T00:00:00.000000000Z stdout: hi'] });
    const emu = await emulator({ load: [loaded] });
    expect((await ow(emu, `activations/${String(loaded.activationId)}/logs`)).body).toEqual({ logs: loaded.logs });
  });

  it('serves /result as {result, size, status, success} without statusCode', async () => {
    const loaded = record(T);
    const emu = await emulator({ load: [loaded] });
    const { body } = await ow(emu, `activations/${String(loaded.activationId)}/result`);
    expect(body).toEqual({ result: { ok: true }, size: 11, status: 'success', success: true });
  });

  it('answers /logs and /result of an unknown id with 404', async () => {
    const emu = await emulator();
    expect((await ow(emu, `activations/${'b'.repeat(32)}/logs`)).status).toBe(404);
    expect((await ow(emu, `activations/${'b'.repeat(32)}/result`)).status).toBe(404);
  });
});

describe('record visibility', () => {
  it('has no record (404, not listed) until the activation ends', async () => {
    const emu = await emulator();
    const id = await invokeAsync(emu, 'sample/delay', { ms: 1500 });
    expect((await ow(emu, `activations/${id}`)).status).toBe(404);
    expect((await ow(emu, 'activations?count=true')).body).toEqual({ activations: 0 });
    const found = await eventually(async () => {
      const { status, body } = await ow(emu, `activations/${id}`);
      return status === 200 ? { body: body as WireActivation, seenAt: Date.now() } : undefined;
    });
    expect(found.seenAt).toBeGreaterThanOrEqual(found.body.end ?? Infinity);
  });

  it('reports each record to onVisible and keeps it in visibleRecords', async () => {
    const emu = await emulator();
    const seen: WireActivation[] = [];
    emu.onVisible((visible) => seen.push(visible));
    const id = await invokeAsync(emu, 'sample/hello', { name: 'Ada' });
    await eventually(async () => (seen.length > 0 ? true : undefined));
    expect(seen.map((visible) => visible.activationId)).toEqual([id]);
    expect(emu.visibleRecords()).toEqual(seen);
  });

  it('appends each visible record to the record file as one JSON line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fnmon-emulator-')), 'records.jsonl');
    const emu = await emulator({ recordFile: file });
    const id = await invokeAsync(emu, 'sample/hello', {});
    await eventually(async () => (emu.visibleRecords().length > 0 ? true : undefined));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as WireActivation).activationId)).toEqual([id]);
  });
});

describe('loaded fixtures', () => {
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.json'))) {
    it(`serves ${name} back unchanged`, async () => {
      const original = fixture(name);
      const emu = await emulator({ load: [original] });
      const start = String(original.start);
      const { body, text } = await ow(emu, `activations?docs=true&since=${start}&upto=${start}`);
      expect(body).toEqual([original]);
      expect(text).toBe(JSON.stringify([original]));
      const id = String(original.activationId);
      if (/^[0-9a-f]{32}$/.test(id)) expect((await ow(emu, `activations/${id}`)).body).toEqual(original);
    });
  }
});
