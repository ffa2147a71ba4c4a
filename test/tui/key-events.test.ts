import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyEvents, pasteEvent, splitRun } from '../../src/tui/key-events.js';

const plain = {} as Key;

describe('keyEvents', () => {
  it('keeps a single key as it is', () => {
    expect(keyEvents('j', plain)).toEqual([{ name: 'j', text: 'j' }]);
    expect(keyEvents('', { ...plain, return: true })).toEqual([{ name: 'enter', text: '' }]);
  });

  it('splits control keys out of a chunk and keeps typed runs together', () => {
    expect(keyEvents('\u0015\r', plain)).toEqual([
      { name: 'ctrl+u', text: '' },
      { name: 'enter', text: '' },
    ]);
    expect(keyEvents('fn:a\re', plain)).toEqual([
      { text: 'fn:a' },
      { name: 'enter', text: '' },
      { name: 'e', text: 'e' },
    ]);
  });

  it('drops control characters that are no key', () => {
    expect(keyEvents('\u0000\u001c', plain)).toEqual([]);
  });

  it('turns a typed run into single keys outside a prompt', () => {
    expect(splitRun({ text: '/a b' })).toEqual([
      { name: '/', text: '/' },
      { name: 'a', text: 'a' },
      { name: 'space', text: ' ' },
      { name: 'b', text: 'b' },
    ]);
  });

  it('keeps a paste as text: lines and tabs for the editor, one line for a prompt, no other controls', () => {
    expect(pasteEvent('a:\r\n\tb\rc\x1b[31m', true)).toEqual({ text: 'a:\n\tb\nc[31m' });
    expect(pasteEvent('fn:a\r\nstatus:failed\t\x07x', false)).toEqual({ text: 'fn:a status:failed x' });
  });
});
