// The pictures `npm run screenshots` takes: each one a fresh `fnmon --demo`, driven by the keys of
// the command table (so a changed default key changes the pictures, not this file), and waited on
// until the screen shows what the picture is about.
import { COMMANDS, type CommandId } from '../../src/tui/keymap.js';

export interface Step {
  /** What the step waits for, as error messages say it. */
  what: string;
  /** Bytes for the terminal: a command's key, or text to type. */
  input: string;
  until: (screen: string) => boolean;
}

export interface Screen {
  /** The file name (screenshots/<name>.svg) and the name `--only` takes. */
  name: string;
  /** The window title in the picture. */
  title: string;
  steps: Step[];
}

const TERMINAL_BYTES: Readonly<Record<string, string>> = { enter: '\r', esc: '\x1b', tab: '\t', space: ' ' };

/** The bytes a terminal sends for the first key bound to `id` in the default table. */
function keyOf(id: CommandId): string {
  const key = COMMANDS.find((command) => command.id === id)?.keys[0];
  if (key === undefined) throw new Error(`no key is bound to ${id}`);
  const bytes = TERMINAL_BYTES[key] ?? (Array.from(key).length === 1 ? key : undefined);
  if (bytes === undefined) throw new Error(`${id}: cannot type its key '${key}' (add it to TERMINAL_BYTES)`);
  return bytes;
}

function run(id: CommandId, what: string, until: Step['until']): Step {
  return { what, input: keyOf(id), until };
}

function type(text: string): Step {
  return { what: `'${text}' typed`, input: text, until: (screen) => screen.includes(text) };
}

const showing =
  (...texts: string[]) =>
  (screen: string) =>
    texts.every((text) => screen.includes(text));

const ERRORS_ONLY = run('errors-only', 'the errors-only filter', showing('filter errors only'));
const SECOND_ROW = run('move-down', 'the second row selected', (screen) => /Activations\s+2\/\d+/.test(screen));
const DETAIL = run('open-detail', 'the detail pane in focus', showing('▸ Detail'));
const FILTER_TEXT = 'fn:billing/* dur>300ms';

export const SCREENS: readonly Screen[] = [
  { name: 'stream', title: 'fnmon --demo — the live stream', steps: [] },
  { name: 'errors', title: 'e — errors only', steps: [ERRORS_ONLY] },
  { name: 'detail', title: 'Enter — the detail of a failed activation', steps: [ERRORS_ONLY, SECOND_ROW, DETAIL] },
  {
    name: 'logs',
    title: 'l — its logs',
    steps: [ERRORS_ONLY, SECOND_ROW, DETAIL, run('open-logs', 'the log pane', showing('▸ Logs'))],
  },
  {
    name: 'filter',
    title: '/ — a filter, applied as it is typed',
    steps: [run('filter', 'the filter prompt', showing('Enter keep')), type(FILTER_TEXT)],
  },
  {
    name: 'reinvoke',
    title: 'r — re-invoke a failed activation',
    steps: [
      ERRORS_ONLY,
      SECOND_ROW,
      run('reinvoke', 'the re-invoke dialog, ready to edit', showing('Re-invoke', '^s send')),
      type('order: 8053'),
      { what: 'a second editor line', input: keyOf('editor-newline'), until: (screen) => /^ 2\b/m.test(screen) },
      type('amount: 160.4'),
    ],
  },
  { name: 'stats', title: 'i — stats per function', steps: [run('open-stats', 'the stats view', showing('▸ Stats'))] },
  { name: 'help', title: '? — every key', steps: [run('help', 'the help overlay', showing('▸ Help'))] },
];
