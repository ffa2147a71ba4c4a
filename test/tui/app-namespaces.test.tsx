// The namespace picker (N, :ns): what it lists, and switching the stream without leaving the monitor.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { NamespaceOption } from '../../src/core/monitor.js';
import { listRows, open, serviceWith } from './app-helpers.js';
import { fullRecord, hexId } from './data.js';
import { KEYS, frame, frameLines, press, tick, type, until } from './render-helpers.js';

afterEach(cleanup);

const OPTIONS: Omit<NamespaceOption, 'current'>[] = [
  {
    key: 'prod',
    label: 'demo-namespace',
    namespace: 'fn-prod',
    region: 'nyc1',
    apiHost: 'faas-nyc1-2ef2e6cc.doserverless.co',
    source: 'doctl serverless credentials (/home/me/.config/doctl)',
  },
  {
    key: 'staging',
    label: 'staging',
    namespace: 'fn-staging',
    region: 'ams3',
    apiHost: 'faas-ams3-d66765e2.doserverless.co',
    source: "config.yaml context 'stage'",
  },
];

function twoNamespaces() {
  const service = serviceWith();
  service.offerNamespaces(OPTIONS, {
    staging: [fullRecord({ id: hexId(7000), fn: 'staging/only', start: Date.now() - 2000 })],
  });
  return service;
}

describe('the namespace picker', () => {
  it('lists every namespace with its label, id, region, host and source, the current one marked', async () => {
    const app = await open(twoNamespaces());
    await press(app, 'N');
    await until(app, (shown) => shown.includes('staging'));
    const lines = frameLines(app);
    expect(frame(app)).toContain('▸ Namespaces');
    expect(lines.find((line) => line.includes('demo-namespace  fn-prod'))).toMatch(
      /^› ● demo-namespace {2}fn-prod · nyc1 · faas-nyc1-2ef2e6cc\.doserverless\.co {2}from doctl serverless credentials/,
    );
    expect(lines.find((line) => line.includes('staging  fn-staging'))).toMatch(
      /^ {4}staging {2}fn-staging · ams3 · faas-ams3-d66765e2\.doserverless\.co {2}from config\.yaml context 'stage'/,
    );
    expect(frame(app)).toContain('Enter switch');
  });

  it('switches the stream with Enter: the header and the list change, once however often Enter is pressed', async () => {
    const service = twoNamespaces();
    let release: () => void = () => undefined;
    service.switchGate = new Promise<void>((resolve) => (release = resolve));
    const app = await open(service);
    expect(frame(app)).toContain(' fnmon  demo-namespace ');
    await press(app, 'N');
    await until(app, (shown) => shown.includes('staging'));
    await press(app, 'j', '\r\r', KEYS.enter);
    expect(frame(app)).toContain('switching to staging…');
    release();
    await until(app, (shown) => shown.includes('switched to staging'));
    expect(service.switchCalls).toEqual(['staging']);
    expect(frame(app)).toContain(' fnmon  staging ');
    expect(frame(app)).toContain('▸ Activations');
    expect(listRows(app)).toHaveLength(1);
    expect(listRows(app)[0]).toContain('staging/only');
  });

  it('opens from the command line with :ns', async () => {
    const app = await open(twoNamespaces());
    await press(app, ':');
    await type(app, 'ns');
    await press(app, KEYS.enter);
    await until(app, (shown) => shown.includes('staging'));
    expect(frame(app)).toContain('▸ Namespaces');
  });

  it('keeps the stream where it was when a switch fails, and says why', async () => {
    const service = twoNamespaces();
    service.switchFailures.set('staging', 'the DigitalOcean API refused the token (401)');
    const app = await open(service);
    await press(app, 'N');
    await until(app, (shown) => shown.includes('staging'));
    await press(app, 'j', KEYS.enter);
    await until(app, (shown) => shown.includes('refused'));
    expect(frame(app)).toContain('the DigitalOcean API refused the token (401)');
    expect(frame(app)).toContain('▸ Namespaces');
    await press(app, KEYS.esc);
    expect(frame(app)).toContain(' fnmon  demo-namespace ');
  });

  it('says so on the current namespace, and when the monitor cannot switch', async () => {
    const app = await open(twoNamespaces());
    await press(app, 'N');
    await until(app, (shown) => shown.includes('staging'));
    await press(app, KEYS.enter);
    expect(frame(app)).toContain('already on demo-namespace');
    cleanup();

    const fixed = await open(serviceWith());
    await press(fixed, 'N');
    await tick(30);
    expect(frame(fixed)).toContain('this monitor cannot switch namespaces');
  });
});
