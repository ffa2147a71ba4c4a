// Where fnmon and the tools it borrows credentials from keep their files (XDG on Linux).
import { homedir } from 'node:os';
import { join } from 'node:path';

function home(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

/** $XDG_CONFIG_HOME or ~/.config: fnmon's config.yaml lives in <this>/fnmon. */
export function configHome(env: NodeJS.ProcessEnv): string {
  return env.XDG_CONFIG_HOME || join(home(env), '.config');
}

/** $XDG_STATE_HOME or ~/.local/state: fnmon's history and remembered choices live in <this>/fnmon. */
export function stateHome(env: NodeJS.ProcessEnv): string {
  return env.XDG_STATE_HOME || join(home(env), '.local', 'state');
}

export function fnmonConfigDir(env: NodeJS.ProcessEnv): string {
  return join(configHome(env), 'fnmon');
}

export function fnmonStateDir(env: NodeJS.ProcessEnv): string {
  return join(stateHome(env), 'fnmon');
}

/** fnmon's own config: contexts, UI preferences and key remaps. */
export function fnmonConfigFile(env: NodeJS.ProcessEnv): string {
  return join(fnmonConfigDir(env), 'config.yaml');
}

/** Which DigitalOcean namespace the person picked, per token (keyed by a hash of it). */
export function namespaceChoicesFile(env: NodeJS.ProcessEnv): string {
  return join(fnmonStateDir(env), 'namespaces.json');
}

/**
 * doctl's config dir: Go's os.UserConfigDir + "doctl". That follows XDG only on Linux and the
 * other Unixes; macOS and Windows have their own place.
 */
export function doctlConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(home(env), 'Library', 'Application Support', 'doctl');
  if (platform === 'win32' && env.AppData) return join(env.AppData, 'doctl');
  return join(configHome(env), 'doctl');
}

/** doctl's config.yaml, which holds the DigitalOcean access token per auth context. */
export function doctlConfigFile(env: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string {
  return join(doctlConfigDir(env, platform), 'config.yaml');
}

/** Where `doctl serverless connect` keeps one `<hash>/credentials.json` per access token. */
export function doctlCredsDir(env: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string {
  return join(doctlConfigDir(env, platform), 'sandbox', 'creds');
}

/** ~/.wskprops, or WSK_CONFIG_FILE. */
export function wskpropsPath(env: NodeJS.ProcessEnv): string {
  return env.WSK_CONFIG_FILE || join(home(env), '.wskprops');
}
