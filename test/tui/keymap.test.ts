import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { fitItems } from '../../src/tui/components/BottomBar.js';
import { keyName, isValidKeyName, typedText } from '../../src/tui/key-names.js';
import { barItems, commandForKey, displayKey } from '../../src/tui/key-lookup.js';
import { COMMANDS, type KeyContext } from '../../src/tui/keymap.js';
import { resolveKeymap } from '../../src/tui/keymap-overrides.js';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const LIST: KeyContext = { mode: 'normal', focus: 'list' };

describe('key names', () => {
  it('names printable keys as typed, named keys by name, and modifiers with a prefix', () => {
    expect(keyName('j', NO_KEY)).toBe('j');
    expect(keyName('G', { ...NO_KEY, shift: true })).toBe('G');
    expect(keyName('', { ...NO_KEY, downArrow: true })).toBe('down');
    expect(keyName('', { ...NO_KEY, tab: true, shift: true })).toBe('shift+tab');
    expect(keyName('d', { ...NO_KEY, ctrl: true })).toBe('ctrl+d');
    expect(keyName(' ', NO_KEY)).toBe('space');
    expect(keyName('', { ...NO_KEY, return: true })).toBe('enter');
  });

  it('does not name a paste', () => {
    expect(keyName('status:failed', NO_KEY)).toBeUndefined();
  });

  it('types printable text only', () => {
    expect(typedText('ab\x1b[31mc', NO_KEY)).toBe('ab[31mc');
    expect(typedText('x', { ...NO_KEY, ctrl: true })).toBe('');
  });

  it('knows which names can be bound', () => {
    for (const name of ['j', 'G', '/', 'ctrl+d', 'shift+tab', 'pagedown', 'é']) expect(isValidKeyName(name)).toBe(true);
    for (const name of ['', 'jj', 'ctrl+', 'hyper+x', '\x1b']) expect(isValidKeyName(name)).toBe(false);
  });
});

describe('command table', () => {
  it('gives every command an id of its own and keys that can be bound', () => {
    expect(new Set(COMMANDS.map((command) => command.id)).size).toBe(COMMANDS.length);
    for (const command of COMMANDS)
      for (const key of command.keys) expect(isValidKeyName(key), `${command.id}: ${key}`).toBe(true);
  });

  it('binds no key twice within one context', () => {
    const contexts: KeyContext[] = [
      LIST,
      { mode: 'normal', focus: 'detail' },
      { mode: 'normal', focus: 'logs' },
      { mode: 'filter', focus: 'list' },
      { mode: 'command', focus: 'list' },
      { mode: 'help', focus: 'list' },
      { mode: 'picker', focus: 'list' },
      { mode: 'namespaces', focus: 'list' },
      { mode: 'invoke-loading', focus: 'list' },
      { mode: 'invoke-edit', focus: 'list' },
      { mode: 'invoke-history', focus: 'list' },
      { mode: 'invoke-confirm', focus: 'list' },
      { mode: 'invoke-sending', focus: 'list' },
      { mode: 'invoke-result', focus: 'list' },
    ];
    for (const context of contexts) {
      const seen = new Map<string, string>();
      for (const command of COMMANDS.filter(
        (c) =>
          c.modes.includes(context.mode) && (context.mode !== 'normal' || !c.focus || c.focus.includes(context.focus)),
      )) {
        for (const key of command.keys) {
          expect(seen.get(key), `${key} in ${context.mode}/${context.focus}`).toBeUndefined();
          seen.set(key, command.id);
        }
      }
    }
  });

  it('resolves a key by mode and focus', () => {
    expect(commandForKey(COMMANDS, 'enter', LIST)?.id).toBe('open-detail');
    expect(commandForKey(COMMANDS, 'enter', { mode: 'filter', focus: 'list' })?.id).toBe('prompt-accept');
    expect(commandForKey(COMMANDS, 'esc', LIST)?.id).toBe('clear-filter');
    expect(commandForKey(COMMANDS, 'esc', { mode: 'normal', focus: 'logs' })?.id).toBe('back');
    expect(commandForKey(COMMANDS, 'j', { mode: 'filter', focus: 'list' })).toBeUndefined();
    expect(commandForKey(COMMANDS, 'ctrl+c', { mode: 'filter', focus: 'list' })?.id).toBe('force-quit');
  });

  it('leaves printable keys to the parameter editor, and confirms a send only on the prompt', () => {
    const editor: KeyContext = { mode: 'invoke-edit', focus: 'list' };
    for (const key of ['j', 'k', 'q', 'y', 'e', '?', ':', '/', 'space', 'G', 'N', 'r'])
      expect(commandForKey(COMMANDS, key, editor), key).toBeUndefined();
    expect(commandForKey(COMMANDS, 'enter', editor)?.id).toBe('editor-newline');
    expect(commandForKey(COMMANDS, 'ctrl+s', editor)?.id).toBe('invoke-send');
    expect(commandForKey(COMMANDS, 'y', { mode: 'invoke-confirm', focus: 'list' })?.id).toBe('invoke-confirm');
    for (const key of ['enter', 'y'])
      expect(commandForKey(COMMANDS, key, { mode: 'invoke-sending', focus: 'list' })).toBeUndefined();
    expect(barItems(COMMANDS, editor).map((item) => item.keys)).toEqual(['^s', '^t', 'Tab', '^e', 'Esc']);
  });

  it('keeps the bottom bar to 6-8 keys in every pane', () => {
    for (const focus of ['list', 'detail', 'logs'] as const) {
      const count = barItems(COMMANDS, { mode: 'normal', focus }).length;
      expect(count).toBeGreaterThanOrEqual(6);
      expect(count).toBeLessThanOrEqual(8);
    }
  });

  it('shows keys the way people write them', () => {
    expect(displayKey('ctrl+d')).toBe('^d');
    expect(displayKey('pagedown')).toBe('PgDn');
    expect(displayKey('G')).toBe('G');
  });

  it('drops bar items from the right when narrow, but keeps help and quit', () => {
    const items = barItems(COMMANDS, LIST);
    const fitted = fitItems(items, 40);
    expect(fitted.map((item) => item.id)).toContain('help');
    expect(fitted.map((item) => item.id)).toContain('quit');
    expect(fitted[0]?.id).toBe('move-down');
    expect(fitted.length).toBeLessThan(items.length);
  });
});

describe('remapping', () => {
  it('replaces the keys of a command by id', () => {
    const { commands, warnings } = resolveKeymap({ 'move-down': ['n', 'down'] });
    expect(warnings).toEqual([]);
    expect(commandForKey(commands, 'n', LIST)?.id).toBe('move-down');
    expect(commandForKey(commands, 'j', LIST)).toBeUndefined();
  });

  it('reports unknown commands and keys it cannot bind, and applies the rest', () => {
    const { commands, warnings } = resolveKeymap({ 'no-such': ['x'], quit: ['Q', 'ctrl+'] });
    expect(warnings).toEqual(["keys: unknown command 'no-such'", "keys.quit: cannot bind 'ctrl+'"]);
    expect(commandForKey(commands, 'Q', LIST)?.id).toBe('quit');
  });
});
