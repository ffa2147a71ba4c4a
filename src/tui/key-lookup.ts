// Looking things up in the command table: the command a key runs here, the bottom bar's items,
// and keys as people read them. The table itself is data, in keymap.ts.
import type { Command, CommandId, KeyContext } from './keymap.js';

export function isEnabled(command: Command, context: KeyContext): boolean {
  if (!command.modes.includes(context.mode)) return false;
  return context.mode !== 'normal' || command.focus === undefined || command.focus.includes(context.focus);
}

/** The command a key runs in this context, if any. */
export function commandForKey(commands: readonly Command[], key: string, context: KeyContext): Command | undefined {
  return commands.find((command) => command.keys.includes(key) && isEnabled(command, context));
}

export function commandById(commands: readonly Command[], id: CommandId): Command | undefined {
  return commands.find((command) => command.id === id);
}

export interface BarItem {
  id: CommandId;
  keys: string;
  label: string;
}

/** The bottom bar: the enabled commands that ask for a place in it, in table order. */
export function barItems(commands: readonly Command[], context: KeyContext): BarItem[] {
  const items: BarItem[] = [];
  for (const command of commands) {
    if (!command.bar || !isEnabled(command, context) || command.keys.length === 0) continue;
    if (context.mode === 'normal' && command.bar.focus && !command.bar.focus.includes(context.focus)) continue;
    const first = displayKey(command.keys[0] ?? '');
    const paired = command.bar.pairedWith ? commandById(commands, command.bar.pairedWith)?.keys[0] : undefined;
    items.push({
      id: command.id,
      keys: paired === undefined ? first : `${first}/${displayKey(paired)}`,
      label: command.bar.label,
    });
  }
  return items;
}

const KEY_DISPLAY: Readonly<Record<string, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  'shift+tab': 'S-Tab',
  space: 'Space',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  backspace: 'Bksp',
  delete: 'Del',
};

/** A key name as people read it: `ctrl+d` -> `^d`, `pagedown` -> `PgDn`. */
export function displayKey(key: string): string {
  const known = KEY_DISPLAY[key];
  if (known !== undefined) return known;
  if (key.startsWith('ctrl+')) return `^${key.slice('ctrl+'.length)}`;
  if (key.startsWith('meta+')) return `M-${key.slice('meta+'.length)}`;
  return key;
}

export function displayKeys(keys: readonly string[]): string {
  return keys.map(displayKey).join(' ');
}
