import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/config-file.js';
import { tempHome } from './home.js';

const FILE = '/home/me/.config/fnmon/config.yaml';

function problem(text: string): string {
  try {
    parseConfig(FILE, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config.yaml', () => {
  it('reads key contexts, token contexts, the current context, UI preferences and key remaps', () => {
    const config = parseConfig(
      FILE,
      [
        'current-context: prod',
        'contexts:',
        '  prod:',
        '    apihost: https://faas-nyc1-2ef2e6cc.doserverless.co',
        '    auth: 23bc46b1-71f6-4ed5-8c54-816aa4f8c502:secretkey',
        '    namespace: fn-feb132ee',
        '  staging:',
        '    token: dop_v1_abc',
        '    namespace: staging',
        '    do-api: http://127.0.0.1:3233',
        'ui:',
        '  time-format: absolute',
        '  wrap: true',
        '  log-timestamps: false',
        'keys:',
        '  quit: [q, ctrl+c]',
        '  help: "?"',
      ].join('\n'),
    );
    expect(config.currentContext).toBe('prod');
    expect(config.contexts).toHaveLength(2);
    expect(config.contexts[0]).toMatchObject({
      kind: 'key',
      name: 'prod',
      apihost: 'https://faas-nyc1-2ef2e6cc.doserverless.co',
      namespace: 'fn-feb132ee',
    });
    expect(config.contexts[0]?.kind === 'key' && config.contexts[0].auth.reveal()).toBe(
      '23bc46b1-71f6-4ed5-8c54-816aa4f8c502:secretkey',
    );
    expect(config.contexts[1]).toMatchObject({
      kind: 'token',
      name: 'staging',
      namespace: 'staging',
      doApi: 'http://127.0.0.1:3233',
    });
    expect(config.ui).toEqual({ timeFormat: 'absolute', wrap: true, logTimestamps: false });
    expect(config.keys).toEqual({ quit: ['q', 'ctrl+c'], help: ['?'] });
    expect(JSON.stringify(config)).not.toContain('secretkey');
    expect(JSON.stringify(config)).not.toContain('dop_v1_abc');
  });

  it('accepts an empty file and empty sections', () => {
    expect(parseConfig(FILE, '')).toEqual({ file: FILE, contexts: [], ui: {}, keys: {} });
    expect(parseConfig(FILE, 'contexts:\nkeys:\n')).toMatchObject({ contexts: [], keys: {} });
  });

  it('reports a YAML syntax error as one line with file, line and the nearest key', () => {
    const message = problem('ui:\n  wrap: true\nkeys:\n  quit: "q\n');
    expect(message).toMatch(new RegExp(`^${FILE}:5:1: keys\\.quit: Missing closing "quote$`));
  });

  it('reports a wrong type with the line of its key', () => {
    expect(problem('ui:\n  time-format: absolute\n  wrap: "yes"\n')).toBe(
      `${FILE}:3:3: ui.wrap: must be true or false`,
    );
    expect(problem('ui:\n  time-format: sideways\n')).toBe(
      `${FILE}:2:3: ui.time-format: must be one of: relative, absolute`,
    );
    expect(problem('keys:\n  quit: {q: 1}\n')).toBe(
      `${FILE}:2:3: keys.quit: must be a list of strings, e.g. [q, ctrl+c]`,
    );
  });

  it('reports an unknown key, naming the ones that are allowed', () => {
    expect(problem('contexts:\n  prod:\n    host: https://x\n    auth: a:b\n')).toBe(
      `${FILE}:3:5: contexts.prod.host: unknown key (expected one of: apihost, auth, namespace, token, do-api, log-sources)`,
    );
    expect(problem('colour: red\n')).toMatch(/^.*:1:1: colour: unknown key/);
  });

  it('reports a context that is neither apihost+auth nor a token', () => {
    expect(problem('contexts:\n  mixed:\n    apihost: https://x\n    token: dop\n')).toBe(
      `${FILE}:2:3: contexts.mixed: give either apihost and auth, or token (with an optional namespace and do-api)`,
    );
    expect(problem('contexts:\n  half:\n    apihost: https://x\n')).toMatch(/:2:3: contexts\.half: give either/);
  });

  it('reports a current-context that names no context', () => {
    expect(problem('current-context: prod\ncontexts:\n  dev: {apihost: https://x, auth: "a:b"}\n')).toBe(
      `${FILE}:1:1: current-context: no context named 'prod' under contexts (dev)`,
    );
  });

  it('reports a file that is not a mapping', () => {
    expect(problem('- a\n- b\n')).toBe(`${FILE}:1:1: the file must be a mapping of keys to values`);
  });

  it('loads nothing when there is no config file, and warns once when others can read it', () => {
    const home = tempHome();
    const warnings: string[] = [];
    expect(loadConfig(home.env, (message) => warnings.push(message))).toBeUndefined();
    home.writeConfig('ui: {wrap: true}\n', 0o644);
    expect(loadConfig(home.env, (message) => warnings.push(message))?.ui).toEqual({ wrap: true });
    expect(warnings).toEqual([
      `warning: ${home.configFile} holds credentials and other users can read it; fix: chmod 600 ${home.configFile}`,
    ]);
  });
});
