// Ink's (input, key) pair -> one canonical key name, the vocabulary of keymap.ts and config.yaml:
// a printable character as typed ('j', 'G', '/'), `ctrl+<char>`, `meta+<char>`, or a named key.
import type { Key } from 'ink';

export const NAMED_KEYS: readonly string[] = [
  'up',
  'down',
  'left',
  'right',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'esc',
  'tab',
  'shift+tab',
  'backspace',
  'delete',
  'space',
];

/** The key name of one key press, or undefined for input that is not one key (a paste). */
export function keyName(input: string, key: Key): string | undefined {
  const named = namedKey(key);
  if (named !== undefined) return named;
  if (input === ' ') return 'space';
  if (Array.from(input).length !== 1) return undefined;
  if (key.ctrl) return `ctrl+${input.toLowerCase()}`;
  if (key.meta) return `meta+${input}`;
  return input;
}

function namedKey(key: Key): string | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  return undefined;
}

/** One visible character: not a space, not a C0/C1 control or DEL. */
function isSinglePrintable(text: string): boolean {
  const chars = Array.from(text);
  if (chars.length !== 1) return false;
  const code = chars[0]!.codePointAt(0) ?? 0;
  return code > 0x20 && code !== 0x7f && !(code >= 0x80 && code <= 0x9f);
}

/** Can a person bind this name? One printable character, a named key, or ctrl+/meta+ a character. */
export function isValidKeyName(name: string): boolean {
  if (NAMED_KEYS.includes(name)) return true;
  const modified = /^(?:ctrl|meta)\+(.)$/u.exec(name);
  if (modified) return isSinglePrintable(modified[1] ?? '');
  return isSinglePrintable(name);
}

/** Text a prompt should insert for this input: printable characters only (pastes included). */
export function typedText(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab) return '';
  return Array.from(input)
    .filter((char) => char >= ' ' && char !== '\x7f' && !(char >= '\x80' && char <= '\x9f'))
    .join('');
}
