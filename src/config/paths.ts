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

/** doctl's config dir (Go's os.UserConfigDir on Linux + "doctl"). */
export function doctlConfigDir(env: NodeJS.ProcessEnv): string {
  return join(configHome(env), 'doctl');
}

/** ~/.wskprops, or WSK_CONFIG_FILE. */
export function wskpropsPath(env: NodeJS.ProcessEnv): string {
  return env.WSK_CONFIG_FILE || join(home(env), '.wskprops');
}
