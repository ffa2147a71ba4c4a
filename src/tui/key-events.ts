/* eslint-disable no-control-regex -- splitting terminal input at control characters is this file's job */
// Terminal input -> key events. Ink hands over one chunk per read, and fast typing, a paste or a
// script can put several keys in one chunk ('/fn:x', ctrl-u + Enter). Each key must be handled
// against the state the previous one left, so a chunk is split here and replayed key by key.
import type { Key } from 'ink';
import { keyName, typedText } from './key-names.js';

export interface KeyEvent {
  /** The key's name in the keymap's vocabulary; undefined for a run of several typed characters. */
  name?: string;
  /** What the key types into a prompt ('' for keys that type nothing). */
  text: string;
}

const CONTROL_NAMES: Record<string, string> = { '\r': 'enter', '\n': 'enter', '\t': 'tab', '\x1b': 'esc', '\x7f': 'backspace', '\b': 'backspace' };

/** One Ink input event -> the keys it holds, in order. */
export function keyEvents(input: string, key: Key): KeyEvent[] {
  const name = keyName(input, key);
  if (name !== undefined || key.ctrl || key.meta) return [{ name, text: typedText(input, key) }];
  return (input.match(/[\x00-\x1f\x7f]|[^\x00-\x1f\x7f]+/g) ?? []).flatMap(tokenEvent);
}

function tokenEvent(token: string): KeyEvent[] {
  const named = CONTROL_NAMES[token];
  if (named !== undefined) return [{ name: named, text: '' }];
  const code = token.charCodeAt(0);
  if (token.length === 1 && code >= 1 && code <= 26) return [{ name: `ctrl+${String.fromCharCode(code + 96)}`, text: '' }];
  if (code < 0x20 || code === 0x7f) return [];
  return [Array.from(token).length === 1 ? { name: token === ' ' ? 'space' : token, text: token } : { text: token }];
}

/**
 * A bracketed paste as one run of text: line breaks kept (as \n) for a multi-line editor, else made
 * spaces, like tabs; other control characters dropped. It is typed, never taken as keys.
 */
export function pasteEvent(pasted: string, multiline: boolean): KeyEvent {
  const lines = pasted.replace(/\r\n?/g, '\n');
  const flat = multiline ? lines : lines.replace(/[\n\t]/g, ' ');
  // Tab (0x09) and line feed (0x0a) stay; every other C0 control and DEL goes.
  return { text: flat.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '') };
}

/** A run of typed characters outside a prompt is a sequence of single keys. */
export function splitRun(event: KeyEvent): KeyEvent[] {
  if (event.name !== undefined) return [event];
  return Array.from(event.text).map((char) => ({ name: char === ' ' ? 'space' : char, text: char }));
}
