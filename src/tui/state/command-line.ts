// The `:` command line: text -> what to do. Pure; the App carries it out.
import { parseSinceArg } from '../../core/duration.js';

export type ColonCommand =
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'namespaces' }
  | { kind: 'stats' }
  | { kind: 'since'; since: number | undefined }
  | { kind: 'error'; message: string };

export const COLON_COMMANDS_HINT = ':since 1h | :since 2024-05-01T10:00 | :since off | :stats | :ns | :help | :q';

export function parseColonCommand(text: string, now: number): ColonCommand {
  const [name = '', ...rest] = text.trim().split(/\s+/);
  const argument = rest.join(' ');
  switch (name) {
    case 'q':
    case 'quit':
    case 'q!':
      return { kind: 'quit' };
    case 'help':
    case 'h':
      return { kind: 'help' };
    case 'ns':
    case 'namespace':
      return { kind: 'namespaces' };
    case 'stats':
      return { kind: 'stats' };
    case 'since':
      return sinceCommand(argument, now);
    case '':
      return { kind: 'error', message: `type a command: ${COLON_COMMANDS_HINT}` };
    default:
      return { kind: 'error', message: `unknown command ':${name}' (try ${COLON_COMMANDS_HINT})` };
  }
}

function sinceCommand(argument: string, now: number): ColonCommand {
  if (argument === '') return { kind: 'error', message: ':since needs a time: 15m, 2h, 2024-05-01T10:00, or off' };
  if (argument === 'off' || argument === 'all') return { kind: 'since', since: undefined };
  const since = parseSinceArg(argument, now);
  if (since === undefined)
    return { kind: 'error', message: `:since cannot read '${argument}' (e.g. 15m, 2h, 2024-05-01T10:00)` };
  return { kind: 'since', since };
}
