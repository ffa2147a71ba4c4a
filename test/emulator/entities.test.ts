// Actions, packages and namespaces (reference §5), Basic auth, and robustness against bad requests.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { WireAction, WireActionSummary, WirePackageSummary } from '../../src/api/types.js';
import { basic, emulator, ow, request } from './helpers.js';

describe('entities', () => {
  it('lists the namespace at GET /namespaces', async () => {
    const emu = await emulator();
    const { body } = await request(`${emu.apihost}/api/v1/namespaces`, { headers: { authorization: basic(emu.auth) } });
    expect(body).toEqual([emu.namespace]);
  });

  it('lists packaged actions with namespace "<ns>/<pkg>", newest update first', async () => {
    const emu = await emulator();
    const actions = (await ow(emu, 'actions?limit=0')).body as WireActionSummary[];
    expect(actions).toContainEqual(
      expect.objectContaining({ namespace: `${emu.namespace}/billing`, name: 'charge', exec: { binary: false } }),
    );
    expect(actions).toContainEqual(expect.objectContaining({ namespace: emu.namespace, name: 'healthcheck' }));
    const updated = actions.map((action) => action.updated);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });

  it('counts actions with count=true', async () => {
    const emu = await emulator();
    const all = (await ow(emu, 'actions?limit=0')).body as unknown[];
    expect((await ow(emu, 'actions?count=true')).body).toEqual({ actions: all.length });
  });

  it('answers an actions limit over 200 with the 400 text for actions', async () => {
    const emu = await emulator();
    expect((await ow(emu, 'actions?limit=500')).body).toMatchObject({
      error: "The value '500' is not in the range of 0 to 200 for actions.",
    });
  });

  it('lists one package’s actions at GET /actions/{pkg}/', async () => {
    const emu = await emulator();
    const actions = (await ow(emu, 'actions/billing/')).body as WireActionSummary[];
    expect(actions.map((action) => action.name).sort()).toEqual(['charge', 'refund']);
  });

  it('returns a full action with limits, exec and bound parameters', async () => {
    const emu = await emulator();
    const action = (await ow(emu, 'actions/images/thumbnail')).body as WireAction;
    expect(action).toMatchObject({
      namespace: `${emu.namespace}/images`,
      name: 'thumbnail',
      limits: { timeout: 5000, memory: 512 },
      exec: { kind: 'go:1.21', binary: false },
      parameters: [{ key: 'bucket', value: 'media-uploads' }],
    });
  });

  it('never exposes LOG_DESTINATIONS in an action', async () => {
    const emu = await emulator();
    const { text } = await ow(emu, 'actions/api/webhook');
    expect(text).not.toContain('LOG_DESTINATIONS');
  });

  it('omits the code with code=false', async () => {
    const emu = await emulator();
    expect(((await ow(emu, 'actions/sample/hello')).body as WireAction).exec.code).toContain('Hello');
    expect(((await ow(emu, 'actions/sample/hello?code=false')).body as WireAction).exec).not.toHaveProperty('code');
  });

  it('lists packages with binding false', async () => {
    const emu = await emulator();
    const packages = (await ow(emu, 'packages')).body as WirePackageSummary[];
    expect(packages.map((pkg) => pkg.name)).toContain('billing');
    expect(packages.every((pkg) => pkg.binding === false)).toBe(true);
  });
});

describe('authentication', () => {
  it('answers a missing credential with 401 and the OpenWhisk error body', async () => {
    const emu = await emulator();
    const { status, body } = await request(`${emu.apihost}/api/v1/namespaces/_/activations`);
    expect(status).toBe(401);
    expect(body).toEqual({
      error: 'The resource requires authentication, which was not supplied with the request',
      code: expect.any(String),
    });
  });

  it('answers a wrong credential with 401 and the OpenWhisk error body', async () => {
    const emu = await emulator();
    const { status, body } = await request(`${emu.apihost}/api/v1/namespaces/_/activations`, {
      headers: { authorization: basic('nobody:secret') },
    });
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'The supplied authentication is invalid', code: expect.any(String) });
  });
});

/** Writes raw bytes to the server and waits for it to answer or hang up. */
function rawExchange(apihost: string, payload: string): Promise<string> {
  const { hostname, port } = new URL(apihost);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.end(payload));
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

describe('robustness', () => {
  it('answers an unknown path with 404 and the error body', async () => {
    const emu = await emulator();
    const { status, body } = await ow(emu, 'rules');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: 'The requested resource does not exist.' });
  });

  it('answers a wrong method with 405', async () => {
    const emu = await emulator();
    expect((await ow(emu, 'activations', { method: 'DELETE' })).status).toBe(405);
  });

  it('answers an illegal entity name with 400', async () => {
    const emu = await emulator();
    expect((await ow(emu, 'actions/sample/%24%24%24')).body).toMatchObject({
      error: 'The name of the entity contains illegal characters.',
    });
  });

  it('survives garbage requests and keeps answering', async () => {
    const emu = await emulator();
    const paths = [
      'activations?limit=%ZZ',
      'activations/%E0%A4%A',
      'activations?since=1e309&upto=-',
      '..%2F..%2Fetc',
      'actions/a/b/c/d',
      '%00',
      'activations?docs=true&docs=false&limit=1&limit=x',
    ];
    for (const path of paths) {
      const { status, body } = await ow(emu, path);
      expect(status).toBeLessThan(500);
      expect(body).toBeDefined();
    }
    await rawExchange(emu.apihost, 'NONSENSE\r\n\r\n');
    await rawExchange(emu.apihost, 'GET //x/../../ HTTP/1.1\r\nHost: a\r\nContent-Length: nope\r\n\r\n');
    await rawExchange(
      emu.apihost,
      `POST /api/v1/namespaces/_/actions/sample/hello HTTP/1.1\r\nHost: a\r\nAuthorization: ${basic(emu.auth)}\r\nContent-Length: 100\r\n\r\n{"na`,
    );
    expect((await ow(emu, 'activations')).status).toBe(200);
  });
});
