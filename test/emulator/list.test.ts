// GET …/activations: every rule of reference §2.1, over loopback HTTP.
import { describe, expect, it } from 'vitest';
import { emulator, ow, record } from './helpers.js';

const T = 1_700_000_000_000;

/** A quiet emulator serving `count` records one second apart, starting at T. */
async function withRecords(count: number, extra: Record<string, unknown>[] = []) {
  const load = Array.from({ length: count }, (_, i) => record(T + i * 1000));
  return emulator({ load: [...load, ...extra] });
}

const starts = (body: unknown): number[] => (body as { start: number }[]).map((row) => row.start);

describe('GET /activations', () => {
  it('returns a record whose start equals since (inclusive lower bound)', async () => {
    const emu = await withRecords(5);
    const { body } = await ow(emu, `activations?since=${T + 2000}`);
    expect(starts(body)).toEqual([T + 4000, T + 3000, T + 2000]);
  });

  it('returns a record whose start equals upto (inclusive upper bound)', async () => {
    const emu = await withRecords(5);
    const { body } = await ow(emu, `activations?upto=${T + 2000}`);
    expect(starts(body)).toEqual([T + 2000, T + 1000, T]);
  });

  it('filters on start only, never on end', async () => {
    const longRunner = record(T + 500, 'cron/cleanup', { end: T + 60_000 });
    const emu = await withRecords(2, [longRunner]);
    const { body } = await ow(emu, `activations?since=${T + 1000}`);
    expect(starts(body)).toEqual([T + 1000]);
  });

  it('orders rows by start, newest first', async () => {
    const emu = await emulator({ load: [record(T + 3), record(T + 1), record(T + 2)] });
    const { body } = await ow(emu, 'activations');
    expect(starts(body)).toEqual([T + 3, T + 2, T + 1]);
  });

  it('answers limit=201 with the upstream 400 text', async () => {
    const emu = await withRecords(1);
    const { status, body } = await ow(emu, 'activations?limit=201');
    expect(status).toBe(400);
    expect(body).toEqual({
      error: "The value '201' is not in the range of 0 to 200 for activations.",
      code: expect.any(String),
    });
  });

  it('treats limit=0 as the maximum of 200 rows', async () => {
    const emu = await withRecords(250);
    const { body } = await ow(emu, 'activations?limit=0');
    expect(body).toHaveLength(200);
  });

  it('returns 30 rows when no limit is given', async () => {
    const emu = await withRecords(40);
    const { body } = await ow(emu, 'activations');
    expect(body).toHaveLength(30);
  });

  it('skips rows in newest-first order', async () => {
    const emu = await withRecords(10);
    const { body } = await ow(emu, 'activations?skip=3&limit=2');
    expect(starts(body)).toEqual([T + 6000, T + 5000]);
  });

  it('answers a negative skip with the upstream 400 text', async () => {
    const emu = await withRecords(1);
    const { status, body } = await ow(emu, 'activations?skip=-1');
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe("The value '-1' is not greater than or equal to 0 for activations.");
  });

  it('answers a non-integer limit with a 400', async () => {
    const emu = await withRecords(1);
    const { status, body } = await ow(emu, 'activations?limit=ten');
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe("The value 'ten' is not an integer for activations.");
  });

  it('lowers the maximum when listLimitMax is set (an operator limit such as 50)', async () => {
    const emu = await emulator({ listLimitMax: 50, load: Array.from({ length: 60 }, (_, i) => record(T + i)) });
    expect((await ow(emu, 'activations?limit=0')).body).toHaveLength(50);
    expect((await ow(emu, 'activations?limit=51')).body).toMatchObject({
      error: "The value '51' is not in the range of 0 to 50 for activations.",
    });
  });

  it('matches name=fn against unpackaged functions only', async () => {
    const emu = await emulator({ load: [record(T + 1, 'hello'), record(T + 2, 'sample/hello')] });
    const { body } = await ow(emu, 'activations?name=hello');
    expect(starts(body)).toEqual([T + 1]);
  });

  it('matches name=pkg/fn against the packaged function', async () => {
    const emu = await emulator({
      load: [record(T + 1, 'hello'), record(T + 2, 'sample/hello'), record(T + 3, 'billing/charge')],
    });
    const { body } = await ow(emu, 'activations?name=sample/hello');
    expect(starts(body)).toEqual([T + 2]);
  });

  it('answers a name with three segments with the upstream 400 text', async () => {
    const emu = await withRecords(1);
    const { status, body } = await ow(emu, 'activations?name=a/b/c');
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe(
      "Parameter may be a 'simple' name or 'package-name/simple' name: a/b/c",
    );
  });

  it('ignores an empty name', async () => {
    const emu = await withRecords(3);
    expect((await ow(emu, 'activations?name=')).body).toHaveLength(3);
  });

  it('answers a non-integer since with the epoch 400 text', async () => {
    const emu = await withRecords(1);
    const { status, body } = await ow(emu, 'activations?since=yesterday');
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe('Parameter is not a valid value for epoch seconds: yesterday');
  });

  it('answers a malformed boolean with a 400', async () => {
    const emu = await withRecords(1);
    const { status } = await ow(emu, 'activations?docs=maybe');
    expect(status).toBe(400);
  });

  it('returns full records, exactly as stored, with docs=true', async () => {
    const loaded = record(T);
    const emu = await emulator({ load: [loaded] });
    const { body } = await ow(emu, 'activations?docs=true');
    expect(body).toEqual([loaded]);
  });

  it('returns summaries with statusCode and without response, logs or subject by default', async () => {
    const emu = await emulator({
      load: [
        record(T, 'billing/charge', {
          response: { status: 'application error', success: false, result: { error: 'card declined' } },
        }),
      ],
    });
    const [row] = (await ow(emu, 'activations')).body as Record<string, unknown>[];
    expect(row).toMatchObject({
      name: 'charge',
      start: T,
      end: T + 10,
      duration: 10,
      statusCode: 1,
      annotations: expect.any(Array),
    });
    expect(row).not.toHaveProperty('response');
    expect(row).not.toHaveProperty('logs');
    expect(row).not.toHaveProperty('subject');
  });

  it('omits end, duration and statusCode from a summary whose end is 0', async () => {
    const emu = await emulator({ load: [record(T, 'sample/hello', { end: 0, duration: 0 })] });
    const [row] = (await ow(emu, 'activations')).body as Record<string, unknown>[];
    expect(Object.keys(row ?? {})).toEqual([
      'namespace',
      'name',
      'version',
      'publish',
      'annotations',
      'activationId',
      'start',
    ]);
  });

  it('counts matching records with count=true', async () => {
    const emu = await withRecords(7);
    expect((await ow(emu, `activations?count=true&since=${T + 2000}`)).body).toEqual({ activations: 5 });
  });

  it('answers count=true&docs=true with the upstream 400 text', async () => {
    const emu = await withRecords(1);
    const { status, body } = await ow(emu, 'activations?count=true&docs=true');
    expect(status).toBe(400);
    expect((body as { error: string }).error).toBe("The parameter 'docs' is not permitted with 'count'.");
  });

  it('accepts the real fn- namespace as well as _', async () => {
    const emu = await withRecords(2);
    const response = await fetch(`${emu.apihost}/api/v1/namespaces/${emu.namespace}/activations`, {
      headers: { authorization: `Basic ${Buffer.from(emu.auth).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
  });

  it('answers 403 for a namespace the credential does not own', async () => {
    const emu = await withRecords(1);
    const response = await fetch(`${emu.apihost}/api/v1/namespaces/fn-someone-else/activations`, {
      headers: { authorization: `Basic ${Buffer.from(emu.auth).toString('base64')}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: 'The supplied authentication is not authorized to access this resource.',
    });
  });
});
