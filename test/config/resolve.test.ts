// Resolution against real files in a temporary HOME and the emulator's DO API.
import { readFileSync, rmSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors.js';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { tokenDigest } from '../../src/config/choice-memory.js';
import { namespaceChoicesFile } from '../../src/config/paths.js';
import { resolveTarget } from '../../src/config/resolve.js';
import { Secret } from '../../src/config/secret.js';
import {
  NO_CREDENTIALS_MESSAGE,
  type ConnectionFlags,
  type Target,
  type TargetResolution,
} from '../../src/config/target.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { singleNamespaceDoApi } from './do-api-proxy.js';
import { tempHome, type TempHome } from './home.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ traffic: false });
});
afterAll(async () => {
  await emulator.close();
});

function target(resolution: TargetResolution): Target {
  if (!resolution.ok) throw new Error(`expected a target, got: ${resolution.message}`);
  return resolution.target;
}

function doEnv(home: TempHome): NodeJS.ProcessEnv {
  return { ...home.env, DIGITALOCEAN_ACCESS_TOKEN: emulator.doToken, DIGITALOCEAN_API_URL: emulator.doApi };
}

/** The target really works: the emulator answers with its namespace. */
async function reachable(resolved: Target): Promise<string[]> {
  const client = new OpenWhiskClient({ apihost: resolved.apihost, auth: resolved.auth.reveal(), retries: 0 });
  try {
    return await client.listNamespaces();
  } finally {
    await client.close();
  }
}

describe('precedence', () => {
  it('takes the first complete source: flags, --context, FNMON_, __OW_, WHISK_, config.yaml, doctl, .wskprops, DO token', async () => {
    const home = tempHome();
    home.writeConfig(
      [
        'current-context: current',
        'contexts:',
        '  picked: {apihost: https://context.example, auth: "c:1"}',
        '  current: {apihost: https://config.example, auth: "c:2"}',
      ].join('\n'),
    );
    home.writeDoctlCredentials({
      token: emulator.doToken,
      host: 'https://faas-doctl.doserverless.io',
      namespace: 'fn-doctl',
      key: 'd:1',
    });
    home.write('.wskprops', 'APIHOST=https://wsk.example\nAUTH=w:1\n');
    const flags: ConnectionFlags = { apihost: 'https://flags.example', auth: 'f:1', context: 'picked' };
    const env: NodeJS.ProcessEnv = {
      ...doEnv(home),
      FNMON_APIHOST: 'https://fnmon.example',
      FNMON_AUTH: 'e:1',
      __OW_API_HOST: 'https://ow.example',
      __OW_API_KEY: 'e:2',
      WHISK_APIHOST: 'https://whisk.example',
      WHISK_AUTH: 'e:3',
    };
    const removals: Array<[string, () => void]> = [
      ['https://flags.example', () => Object.assign(flags, { apihost: undefined, auth: undefined })],
      ['https://context.example', () => delete flags.context],
      ['https://fnmon.example', () => delete env.FNMON_APIHOST],
      ['https://ow.example', () => delete env.__OW_API_HOST],
      ['https://whisk.example', () => delete env.WHISK_APIHOST],
      ['https://config.example', () => home.writeConfig('')],
      ['https://faas-doctl.doserverless.co', () => rmSync(`${home.home}/.config/doctl`, { recursive: true })],
      ['https://wsk.example', () => home.write('.wskprops', '')],
    ];
    for (const [apihost, remove] of removals) {
      expect(target(await resolveTarget(flags, env)).apihost).toBe(apihost);
      remove();
    }
    const last = await resolveTarget({ namespace: 'fnmon-emulator' }, env);
    expect(target(last)).toMatchObject({
      apihost: emulator.apihost,
      namespace: emulator.namespace,
      source: 'DigitalOcean API (token from DIGITALOCEAN_ACCESS_TOKEN)',
    });
    expect(last.tried.map((report) => report.outcome)).toEqual([
      'absent',
      'absent',
      'incomplete',
      'incomplete',
      'incomplete',
      'absent',
      'absent',
      'incomplete',
      'used',
    ]);
  });

  it('lets --namespace override the namespace a key source names', async () => {
    const home = tempHome();
    const env = { ...home.env, FNMON_APIHOST: 'https://h.example', FNMON_AUTH: 'a:b', FNMON_NAMESPACE: 'from-env' };
    expect(target(await resolveTarget({}, env)).namespace).toBe('from-env');
    expect(target(await resolveTarget({ namespace: 'from-flag' }, env)).namespace).toBe('from-flag');
  });

  it('says which flag is missing when only one of --apihost/--auth is given', async () => {
    const home = tempHome();
    expect(await resolveTarget({ apihost: 'h' }, home.env)).toMatchObject({
      ok: false,
      kind: 'usage',
      message: '--auth is missing (give --apihost and --auth together)',
    });
  });

  it('reports a half-set environment pair and moves on to the next source', async () => {
    const home = tempHome();
    const resolution = await resolveTarget(
      {},
      { ...home.env, FNMON_AUTH: 'a:b', WHISK_APIHOST: 'https://whisk.example', WHISK_AUTH: 'w:1' },
    );
    expect(target(resolution).apihost).toBe('https://whisk.example');
    expect(resolution.tried[2]).toEqual({
      source: 'FNMON_APIHOST/FNMON_AUTH',
      outcome: 'incomplete',
      detail: 'FNMON_APIHOST is not set',
    });
  });

  it('lists every source it tried and the fix when nothing is configured', async () => {
    const resolution = await resolveTarget({}, tempHome().env);
    expect(resolution).toMatchObject({ ok: false, kind: 'no-credentials', message: NO_CREDENTIALS_MESSAGE });
    expect(resolution.tried).toHaveLength(9);
    expect(NO_CREDENTIALS_MESSAGE).toContain('fnmon --demo');
  });
});

describe('config.yaml contexts', () => {
  it('uses the current context with apihost and auth', async () => {
    const home = tempHome();
    home.writeConfig(
      `current-context: emu\ncontexts:\n  emu:\n    apihost: ${emulator.apihost}\n    auth: "${emulator.auth}"\n`,
    );
    const resolved = target(await resolveTarget({}, home.env));
    expect(resolved.source).toBe(`config.yaml context 'emu' (${home.configFile})`);
    expect(await reachable(resolved)).toEqual([emulator.namespace]);
  });

  it('resolves a token context through the DO API, picking its namespace by label', async () => {
    const home = tempHome();
    home.writeConfig(
      `current-context: do\ncontexts:\n  do:\n    token: ${emulator.doToken}\n    namespace: fnmon-emulator\n    do-api: ${emulator.doApi}\n`,
    );
    const resolution = await resolveTarget({}, home.env);
    expect(target(resolution)).toMatchObject({ namespace: emulator.namespace, label: 'fnmon-emulator' });
    expect(resolution.tried.at(-1)?.detail).toBe(
      `current-context 'do' in ${home.configFile}; namespace 'fnmon-emulator' (as named)`,
    );
    expect(await reachable(target(resolution))).toEqual([emulator.namespace]);
  });

  it('uses the context named by --context over the environment', async () => {
    const home = tempHome();
    home.writeConfig(`contexts:\n  emu: {apihost: "${emulator.apihost}", auth: "${emulator.auth}"}\n`);
    const env = { ...home.env, FNMON_APIHOST: 'https://env.example', FNMON_AUTH: 'a:b' };
    expect(target(await resolveTarget({ context: 'emu' }, env)).apihost).toBe(emulator.apihost);
    expect(await resolveTarget({ context: 'nope' }, env)).toMatchObject({
      ok: false,
      kind: 'usage',
      message: `--context nope: no such context (${home.configFile} has only emu)`,
    });
  });

  it('fails as a usage error on a malformed file, even when another source is complete', async () => {
    const home = tempHome();
    home.writeConfig('contexts:\n  a:\n    apihost: 5\n');
    const resolution = await resolveTarget({ apihost: 'https://h.example', auth: 'a:b' }, home.env);
    expect(resolution).toMatchObject({
      ok: false,
      kind: 'usage',
      message: `${home.configFile}:3:5: contexts.a.apihost: must be a non-empty string`,
    });
  });

  it('hands the parsed config (preferences, key remaps) to the caller', async () => {
    const home = tempHome();
    home.writeConfig('ui: {time-format: absolute}\nkeys: {quit: [x]}\n');
    const resolution = await resolveTarget({ apihost: 'https://h.example', auth: 'a:b' }, home.env);
    expect(resolution.config).toMatchObject({ ui: { timeFormat: 'absolute' }, keys: { quit: ['x'] } });
  });
});

describe('.wskprops', () => {
  it('reads ~/.wskprops, or the file WSK_CONFIG_FILE names', async () => {
    const home = tempHome();
    home.write('.wskprops', `APIHOST=${emulator.apihost}\nAUTH=${emulator.auth}\nNAMESPACE=_\n`);
    const resolved = target(await resolveTarget({}, home.env));
    expect(resolved).toMatchObject({ source: `wsk properties (${home.home}/.wskprops)`, apihost: emulator.apihost });
    expect(resolved.namespace).toBeUndefined();
    const other = home.write('elsewhere/props', 'APIHOST=https://other.example\nAUTH=o:1\nNAMESPACE=fn-other\n');
    expect(target(await resolveTarget({}, { ...home.env, WSK_CONFIG_FILE: other }))).toMatchObject({
      apihost: 'https://other.example',
      namespace: 'fn-other',
    });
  });

  it('warns about an unreadable file and moves on to the next source', async () => {
    const home = tempHome();
    const resolution = await resolveTarget({}, { ...home.env, WSK_CONFIG_FILE: home.home });
    expect(resolution).toMatchObject({ ok: false, kind: 'no-credentials' });
    expect(resolution.warnings).toEqual([`warning: cannot read ${home.home} (EISDIR)`]);
  });

  it('reports a file without AUTH as incomplete', async () => {
    const home = tempHome();
    home.write('.wskprops', 'APIHOST=https://h.example\n');
    const resolution = await resolveTarget({}, home.env);
    expect(resolution.tried.find((report) => report.source === '.wskprops')).toMatchObject({
      outcome: 'incomplete',
      detail: expect.stringContaining('has no AUTH'),
    });
  });
});

describe("doctl's serverless credentials", () => {
  it("uses the token's credentials.json with the host rewritten, and reaches the namespace", async () => {
    const home = tempHome();
    // The emulator serves on 127.0.0.1, which the rewrite leaves alone; the label comes along.
    home.writeDoctlCredentials({
      token: emulator.doToken,
      host: emulator.apihost,
      namespace: emulator.namespace,
      key: emulator.auth,
      label: 'emu',
    });
    const resolved = target(await resolveTarget({}, doEnv(home)));
    expect(resolved).toMatchObject({
      namespace: emulator.namespace,
      label: 'emu',
      source: expect.stringContaining('doctl serverless credentials'),
    });
    expect(await reachable(resolved)).toEqual([emulator.namespace]);
  });

  it("finds the token in doctl's config.yaml to pick the hash directory", async () => {
    const home = tempHome();
    home.write('.config/doctl/config.yaml', `access-token: ${emulator.doToken}\n`);
    home.writeDoctlCredentials({
      token: emulator.doToken,
      host: 'https://faas-ams3-1.doserverless.io',
      namespace: 'fn-1',
      key: 'k:1',
    });
    home.writeDoctlCredentials({
      hash: '00000000',
      host: 'https://faas-ams3-2.doserverless.io',
      namespace: 'fn-2',
      key: 'k:2',
      mtime: new Date(Date.now() + 60_000),
    });
    expect(target(await resolveTarget({}, home.env)).apihost).toBe('https://faas-ams3-1.doserverless.co');
  });

  it('with no token known, uses the newest credentials and says so in the report', async () => {
    const home = tempHome();
    home.writeDoctlCredentials({
      hash: 'aaaaaaaa',
      host: 'https://old.example',
      namespace: 'n',
      key: 'k:1',
      mtime: new Date('2024-01-01'),
    });
    home.writeDoctlCredentials({
      hash: 'bbbbbbbb',
      host: 'https://new.example',
      namespace: 'n',
      key: 'k:2',
      mtime: new Date('2025-01-01'),
    });
    const resolution = await resolveTarget({}, home.env);
    expect(target(resolution).apihost).toBe('https://new.example');
    expect(resolution.tried.at(-1)?.detail).toContain('the newest of 2 saved by doctl');
  });
});

describe('a DigitalOcean token', () => {
  it('uses the only functions namespace, hiding App Platform ones', async () => {
    const proxy = await singleNamespaceDoApi(emulator);
    try {
      const home = tempHome();
      const resolution = await resolveTarget(
        {},
        { ...home.env, DIGITALOCEAN_ACCESS_TOKEN: emulator.doToken, DIGITALOCEAN_API_URL: proxy.url },
      );
      expect(target(resolution)).toMatchObject({ namespace: emulator.namespace, apihost: emulator.apihost });
      expect(resolution.tried.at(-1)?.detail).toBe(
        `token from DIGITALOCEAN_ACCESS_TOKEN (DO API at ${proxy.url}); namespace 'fnmon-emulator' (the only one)`,
      );
      expect(await reachable(target(resolution))).toEqual([emulator.namespace]);
    } finally {
      await proxy.close();
    }
  });

  it('with several namespaces, takes --namespace by label or id, with the host rewrite', async () => {
    const env = doEnv(tempHome());
    expect(target(await resolveTarget({ namespace: 'fnmon-emulator' }, env)).namespace).toBe(emulator.namespace);
    const staging = target(await resolveTarget({ namespace: 'staging' }, env));
    expect(staging.apihost).toMatch(/^https:\/\/faas-ams3-[0-9a-f]{8}\.doserverless\.co$/);
    expect(target(await resolveTarget({ namespace: staging.namespace! }, env)).label).toBe('staging');
  });

  it('with several namespaces and no terminal, fails with one line listing the labels', async () => {
    const resolution = await resolveTarget({}, doEnv(tempHome()));
    expect(resolution).toMatchObject({
      ok: false,
      kind: 'usage',
      message:
        'the DigitalOcean account has several functions namespaces (fnmon-emulator, staging): pass --namespace LABEL',
    });
  });

  it('names the namespaces when --namespace matches none', async () => {
    const resolution = await resolveTarget({ namespace: 'prod' }, doEnv(tempHome()));
    expect(resolution).toMatchObject({
      ok: false,
      kind: 'usage',
      message: expect.stringMatching(
        /^no functions namespace 'prod'; the account has: fnmon-emulator \(fn-.*\), staging \(fn-.*\)$/,
      ),
    });
  });

  it('asks with a terminal, then remembers the choice in a private file without the token', async () => {
    const home = tempHome();
    const env = doEnv(home);
    const asked: string[][] = [];
    const first = await resolveTarget({}, env, {
      askNamespace: async (namespaces) => {
        asked.push(namespaces.map((namespace) => namespace.label));
        return namespaces.find((namespace) => namespace.label === 'fnmon-emulator');
      },
    });
    expect(asked).toEqual([['fnmon-emulator', 'staging']]);
    expect(target(first).namespace).toBe(emulator.namespace);

    const file = namespaceChoicesFile(env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = readFileSync(file, 'utf8');
    expect(saved).not.toContain(emulator.doToken);
    expect(saved).not.toContain(emulator.doToken.slice(7));
    expect(JSON.parse(saved)).toEqual({ choices: { [tokenDigest(new Secret(emulator.doToken))]: emulator.namespace } });

    const second = await resolveTarget({}, env, {
      askNamespace: async () => {
        throw new Error('must not ask again');
      },
    });
    expect(target(second).namespace).toBe(emulator.namespace);
    expect(second.tried.at(-1)?.detail).toContain('(picked earlier)');
  });

  it('ignores a remembered namespace the account no longer has', async () => {
    const home = tempHome();
    home.write(
      '.local/state/fnmon/namespaces.json',
      JSON.stringify({ choices: { [tokenDigest(new Secret(emulator.doToken))]: 'fn-gone' } }),
    );
    expect(await resolveTarget({}, doEnv(home))).toMatchObject({ ok: false, kind: 'usage' });
  });

  it('fails with a plain auth error, without the token, when the DO API rejects it', async () => {
    const token = 'dop_v1_ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';
    const error = await resolveTarget(
      {},
      { ...tempHome().env, DIGITALOCEAN_ACCESS_TOKEN: token, DIGITALOCEAN_API_URL: emulator.doApi },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('check the DigitalOcean access token'),
    });
    expect((error as Error).message).not.toContain(token);
  });
});

describe('secrets and permissions', () => {
  it('never puts a key or token into a resolution, even when it is serialised', async () => {
    const home = tempHome();
    home.writeConfig(
      `current-context: do\ncontexts:\n  do: {token: "${emulator.doToken}", namespace: fnmon-emulator, do-api: "${emulator.doApi}"}\n`,
    );
    const text = JSON.stringify(await resolveTarget({}, home.env));
    for (const secret of [
      emulator.doToken,
      emulator.auth,
      emulator.auth.split(':')[1]!,
      Buffer.from(emulator.auth).toString('base64'),
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('warns once about each credentials file other users can read', async () => {
    const home = tempHome();
    const doctlConfig = home.write(
      '.config/doctl/config.yaml',
      `access-token: ${emulator.doToken}\napi-url: ${emulator.doApi}\n`,
      0o644,
    );
    const wskprops = home.write('.wskprops', 'APIHOST=https://h.example\n', 0o640);
    const resolution = await resolveTarget({ namespace: 'fnmon-emulator' }, home.env);
    expect(target(resolution).namespace).toBe(emulator.namespace);
    expect(resolution.warnings).toEqual([
      `warning: ${doctlConfig} holds credentials and other users can read it; fix: chmod 600 ${doctlConfig}`,
      `warning: ${wskprops} holds credentials and other users can read it; fix: chmod 600 ${wskprops}`,
    ]);
  });
});
