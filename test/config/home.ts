// A throwaway HOME with XDG dirs, and writers for every credential file fnmon reads. Tests pass
// the returned env object explicitly; the real HOME is never read or written.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { hashAccessToken } from '../../src/config/doctl.js';
import { Secret } from '../../src/config/secret.js';

/** Every variable fnmon reads credentials from, unset, so the parent environment cannot leak in. */
export const NO_CREDENTIAL_ENV: NodeJS.ProcessEnv = {
  FNMON_APIHOST: undefined,
  FNMON_AUTH: undefined,
  FNMON_NAMESPACE: undefined,
  __OW_API_HOST: undefined,
  __OW_API_KEY: undefined,
  __OW_NAMESPACE: undefined,
  WHISK_APIHOST: undefined,
  WHISK_AUTH: undefined,
  WSK_CONFIG_FILE: undefined,
  DIGITALOCEAN_ACCESS_TOKEN: undefined,
  DIGITALOCEAN_API_URL: undefined,
  DIGITALOCEAN_CONTEXT: undefined,
};

export interface TempHome {
  env: NodeJS.ProcessEnv;
  home: string;
  configFile: string;
  /** Writes a file under the temporary HOME (creating directories), mode 0600 unless given. */
  write(path: string, text: string, mode?: number): string;
  writeConfig(text: string, mode?: number): string;
  /** doctl's credentials.json for a token (or a given hash dir), in doctl's shape. */
  writeDoctlCredentials(options: {
    token?: string;
    hash?: string;
    host: string;
    namespace: string;
    key: string;
    label?: string;
    mtime?: Date;
  }): string;
}

const homes: string[] = [];
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

export function tempHome(): TempHome {
  const home = mkdtempSync(join(tmpdir(), 'fnmon-home-'));
  homes.push(home);
  const env: NodeJS.ProcessEnv = {
    ...NO_CREDENTIAL_ENV,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
  };
  const write = (path: string, text: string, mode = 0o600) => {
    const file = join(home, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    chmodSync(file, mode);
    return file;
  };
  return {
    env,
    home,
    configFile: join(home, '.config', 'fnmon', 'config.yaml'),
    write,
    writeConfig: (text, mode) => write('.config/fnmon/config.yaml', text, mode),
    writeDoctlCredentials: ({ token, hash, host, namespace, key, label, mtime }) => {
      const dir = hash ?? hashAccessToken(new Secret(token ?? ''));
      const body = {
        currentHost: host,
        currentNamespace: namespace,
        label,
        credentials: { [host]: { [namespace]: { api_key: key } } },
      };
      const file = write(`.config/doctl/sandbox/creds/${dir}/credentials.json`, JSON.stringify(body));
      if (mtime) utimesSync(file, mtime, mtime);
      return file;
    },
  };
}
