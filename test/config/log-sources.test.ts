// Read credentials for forwarded logs: config.yaml's per-context log-sources, the environment
// (which wins field by field), what is missing when a service is half configured, and
// project.yml's LOG_DESTINATIONS per function.
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config-file.js';
import { contextLogSources, resolveLogSources } from '../../src/config/log-sources.js';
import { parseProjectFile } from '../../src/config/project-file.js';

const FILE = '/home/me/.config/fnmon/config.yaml';

const CONFIG = [
  'current-context: prod',
  'contexts:',
  '  prod:',
  '    apihost: https://faas-nyc1-2ef2e6cc.doserverless.co',
  '    auth: uuid:key',
  '    log-sources:',
  '      papertrail: { token: pt-read-token, interval: 5s }',
  '      datadog: { api-key: dd-api, app-key: dd-app, site: datadoghq.eu, query: "service:web" }',
  '      betterstack: { token: bs-token, source-ids: [123456, 234567], url: https://telemetry.example.com }',
  '  staging:',
  '    token: dop_v1_abc',
].join('\n');

function configProblem(text: string): string {
  try {
    parseConfig(FILE, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('log-sources in config.yaml', () => {
  it('reads each service of the context in use, and keeps the secrets hidden', () => {
    const config = parseConfig(FILE, CONFIG);
    const resolved = resolveLogSources({}, contextLogSources(config, undefined));
    expect(resolved.papertrail).toMatchObject({ intervalMs: 5000 });
    expect(resolved.papertrail?.token.reveal()).toBe('pt-read-token');
    expect(resolved.datadog).toMatchObject({ site: 'datadoghq.eu', query: 'service:web' });
    expect(resolved.betterstack).toMatchObject({
      sourceIds: ['123456', '234567'],
      url: 'https://telemetry.example.com',
    });
    expect(JSON.stringify(resolved)).not.toMatch(/pt-read-token|dd-api|dd-app|bs-token/);
    expect(resolved.incomplete).toEqual({});
  });

  it('uses the context --context names, which may have none', () => {
    const config = parseConfig(FILE, CONFIG);
    expect(contextLogSources(config, 'staging')).toEqual({});
    expect(contextLogSources(undefined, undefined)).toEqual({});
  });

  it.each([
    [
      '      splunk: { token: x }',
      'contexts.prod.log-sources.splunk: unknown key (expected one of: papertrail, datadog, betterstack)',
    ],
    ['      datadog: { apikey: x }', 'contexts.prod.log-sources.datadog.apikey: unknown key'],
    [
      '      papertrail: { interval: 100ms }',
      'contexts.prod.log-sources.papertrail.interval: must be a duration of at least 1s',
    ],
    [
      '      betterstack: { source-ids: [abc] }',
      'contexts.prod.log-sources.betterstack.source-ids: must be numeric source ids',
    ],
  ])('stops on a wrong key or value: %s', (line, problem) => {
    const text = ['contexts:', '  prod:', '    apihost: https://h', '    auth: u:k', '    log-sources:', line].join(
      '\n',
    );
    expect(configProblem(text)).toContain(problem);
  });
});

describe('log-sources from the environment', () => {
  it('reads every service from its variables', () => {
    const resolved = resolveLogSources({
      PAPERTRAIL_API_TOKEN: 'pt',
      PAPERTRAIL_API_URL: 'http://127.0.0.1:1/papertrail',
      DD_API_KEY: 'a',
      DD_APP_KEY: 'b',
      DD_SITE: 'us5.datadoghq.com',
      DD_API_URL: 'http://127.0.0.1:1/datadog',
      BETTERSTACK_API_TOKEN: 'bs',
      BETTERSTACK_SOURCE_IDS: '1, 2',
      BETTERSTACK_API_URL: 'http://127.0.0.1:1/betterstack',
    });
    expect(resolved.papertrail).toMatchObject({ url: 'http://127.0.0.1:1/papertrail' });
    expect(resolved.datadog).toMatchObject({ site: 'us5.datadoghq.com', url: 'http://127.0.0.1:1/datadog' });
    expect(resolved.betterstack).toMatchObject({ sourceIds: ['1', '2'], url: 'http://127.0.0.1:1/betterstack' });
  });

  it('lets a variable override the same field of config.yaml and keeps the rest', () => {
    const config = parseConfig(FILE, CONFIG);
    const resolved = resolveLogSources({ DD_APP_KEY: 'from-env' }, contextLogSources(config, undefined));
    expect(resolved.datadog?.appKey.reveal()).toBe('from-env');
    expect(resolved.datadog?.apiKey.reveal()).toBe('dd-api');
  });

  it('says what is missing when a service is only half given', () => {
    expect(resolveLogSources({ DD_API_KEY: 'agent-key' })).toEqual({
      incomplete: { datadog: 'DD_APP_KEY (log-sources.datadog.app-key) is not set' },
    });
    expect(resolveLogSources({ BETTERSTACK_API_TOKEN: 't' }).incomplete.betterstack).toBe(
      'BETTERSTACK_SOURCE_IDS (log-sources.betterstack.source-ids) is not set',
    );
    expect(
      resolveLogSources({ BETTERSTACK_API_TOKEN: 't', BETTERSTACK_SOURCE_IDS: 'abc' }).incomplete.betterstack,
    ).toContain('must be numeric source ids');
  });
});

describe("project.yml's LOG_DESTINATIONS", () => {
  const PROJECT = `
environment:
  LOG_DESTINATIONS: '[{"papertrail":{"token":"project"}}]'
packages:
  - name: billing
    environment:
      LOG_DESTINATIONS: '[{"datadog":{"endpoint":"https://x","api_key":"k"}}]'
    functions:
      - name: charge
      - name: refund
        environment:
          LOG_DESTINATIONS: not json
  - name: api
    environment: [not, a, mapping]
    functions:
      - name: webhook
        parameters: { a: 1 }
`;

  it('takes the nearest scope’s raw value per function, and never fails the file over it', () => {
    const result = parseProjectFile(PROJECT, 'project.yml');
    expect(result.ok).toBe(true);
    const functions = result.ok ? result.project!.functions : new Map();
    expect(functions.get('billing/charge')?.logDestinations).toContain('datadog');
    expect(functions.get('billing/refund')?.logDestinations).toBe('not json');
    expect(functions.get('api/webhook')?.logDestinations).toContain('papertrail');
    expect(functions.get('api/webhook')?.params).toEqual({ a: 1 });
  });
});
