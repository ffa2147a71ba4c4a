// The namespace picker's API: every source's namespaces in one list, and a Target for any of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { listNamespaceChoices, rememberChoice, targetForChoice } from '../../src/config/choices.js';
import { resolveTarget } from '../../src/config/resolve.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from './home.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ traffic: false });
});
afterAll(async () => {
  await emulator.close();
});

describe('listNamespaceChoices', () => {
  it('gathers every source in order of precedence, each config context and each DO namespace', async () => {
    const home = tempHome();
    home.writeConfig(
      [
        'current-context: prod',
        'contexts:',
        '  prod: {apihost: "https://prod.example", auth: "p:1", namespace: fn-prod}',
        `  do: {token: "${emulator.doToken}", do-api: "${emulator.doApi}"}`,
      ].join('\n'),
    );
    home.write('.wskprops', 'APIHOST=https://wsk.example\nAUTH=w:1\n');
    const env = { ...home.env, FNMON_APIHOST: 'https://env.example', FNMON_AUTH: 'e:1' };
    const choices = await listNamespaceChoices(env, {});
    expect(choices.map(({ label, apihost, namespace, region }) => ({ label, apihost, namespace, region }))).toEqual([
      { label: 'env.example', apihost: 'https://env.example', namespace: undefined, region: undefined },
      { label: 'fn-prod', apihost: 'https://prod.example', namespace: 'fn-prod', region: undefined },
      { label: 'fnmon-emulator', apihost: emulator.apihost, namespace: emulator.namespace, region: 'nyc1' },
      {
        label: 'staging',
        apihost: expect.stringMatching(/\.doserverless\.co$/),
        namespace: expect.stringMatching(/^fn-/),
        region: 'ams3',
      },
      { label: 'wsk.example', apihost: 'https://wsk.example', namespace: undefined, region: undefined },
    ]);
    expect(choices[2]?.source).toBe(`config.yaml context 'do' (${home.configFile})`);
    const text = JSON.stringify(choices);
    for (const secret of [emulator.doToken, 'p:1', 'w:1', 'e:1']) expect(text).not.toContain(secret);
  });

  it('lists a namespace once even when two sources lead to it', async () => {
    const home = tempHome();
    home.writeConfig(
      `contexts:\n  emu: {apihost: "${emulator.apihost}", auth: "${emulator.auth}", namespace: "${emulator.namespace}"}\n`,
    );
    const env = { ...home.env, DIGITALOCEAN_ACCESS_TOKEN: emulator.doToken, DIGITALOCEAN_API_URL: emulator.doApi };
    const choices = await listNamespaceChoices(env, {});
    expect(choices.filter((choice) => choice.namespace === emulator.namespace)).toHaveLength(1);
  });

  it('keeps the other choices and warns when the DO API rejects a token', async () => {
    const home = tempHome();
    const env = {
      ...home.env,
      FNMON_APIHOST: 'https://env.example',
      FNMON_AUTH: 'e:1',
      DIGITALOCEAN_ACCESS_TOKEN: 'dop_v1_wrongwrongwrong',
      DIGITALOCEAN_API_URL: emulator.doApi,
    };
    const warnings: string[] = [];
    const choices = await listNamespaceChoices(env, {}, (message) => warnings.push(message));
    expect(choices.map((choice) => choice.apihost)).toEqual(['https://env.example']);
    expect(warnings).toEqual([expect.stringContaining('authentication failed')]);
    expect(warnings.join()).not.toContain('wrongwrong');
  });
});

describe('targetForChoice', () => {
  it('connects to a DO namespace choice, and rememberChoice makes it the default for the token', async () => {
    const home = tempHome();
    const env = { ...home.env, DIGITALOCEAN_ACCESS_TOKEN: emulator.doToken, DIGITALOCEAN_API_URL: emulator.doApi };
    const choice = (await listNamespaceChoices(env, {})).find((candidate) => candidate.label === 'fnmon-emulator')!;
    const target = await targetForChoice(choice);
    expect(target).toMatchObject({ apihost: emulator.apihost, namespace: emulator.namespace, label: 'fnmon-emulator' });
    const client = new OpenWhiskClient({ apihost: target.apihost, auth: target.auth.reveal(), retries: 0 });
    expect(await client.listNamespaces()).toEqual([emulator.namespace]);
    await client.close();

    expect((await resolveTarget({}, env)).ok).toBe(false);
    rememberChoice(env, choice);
    expect(await resolveTarget({}, env)).toMatchObject({ ok: true, target: { namespace: emulator.namespace } });
  });

  it('hands back the target of a key choice as is', async () => {
    const home = tempHome();
    const [choice] = await listNamespaceChoices(
      { ...home.env, WHISK_APIHOST: 'https://whisk.example', WHISK_AUTH: 'w:1' },
      { insecure: true },
    );
    expect(await targetForChoice(choice!)).toMatchObject({
      apihost: 'https://whisk.example',
      allowInsecureHttp: true,
      source: 'environment (WHISK_APIHOST/WHISK_AUTH)',
    });
  });
});
