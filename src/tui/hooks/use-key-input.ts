// The one input hook: a key press -> its name -> the command enabled for it here -> runCommand.
// In the prompts and the parameter editor, keys that are no command are typed text. Components
// never see raw keys.
// Keys that arrive together are queued and handled one per render, each against fresh state.
import { useInput, usePaste } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import { commandForKey } from '../key-lookup.js';
import { keyEvents, pasteEvent, splitRun, type KeyEvent } from '../key-events.js';
import type { Command, KeyContext } from '../keymap.js';
import { runCommand, typeText, type CommandEnv } from '../run-command.js';

/** The commands that still work while the terminal is too small to show the monitor. */
const WHEN_TOO_SMALL = new Set(['quit', 'force-quit']);
/** Where keys that are no command type text. */
const TEXT_MODES: ReadonlySet<string> = new Set(['filter', 'command', 'invoke-edit']);

export function useKeyInput(commands: readonly Command[], context: KeyContext, env: CommandEnv): void {
  const queue = useRef<KeyEvent[]>([]);
  const handledSinceRender = useRef(false);
  const [, rerender] = useReducer((count: number) => count + 1, 0);

  const handle = (event: KeyEvent) => {
    handledSinceRender.current = true;
    const inPrompt = TEXT_MODES.has(context.mode);
    if (event.name === undefined && !inPrompt) {
      const [first, ...rest] = splitRun(event);
      queue.current.unshift(...rest);
      if (first) handle(first);
      return;
    }
    const command = event.name === undefined ? undefined : commandForKey(commands, event.name, context);
    if (command) {
      if (env.layout.kind === 'too-small' && !WHEN_TOO_SMALL.has(command.id)) return;
      runCommand(command.id, env);
      return;
    }
    if (inPrompt && event.text !== '') typeText(env, event.text);
  };

  const enqueue = (events: KeyEvent[]) => {
    queue.current.push(...events);
    const next = handledSinceRender.current ? undefined : queue.current.shift();
    if (next) handle(next);
    if (queue.current.length > 0) rerender();
  };
  useInput((input, key) => enqueue(keyEvents(input, key)));
  // Where text is typed, a paste (bracketed by the terminal) is text, even its Enter and Tab.
  usePaste((text) => enqueue([pasteEvent(text, context.mode === 'invoke-edit')]), {
    isActive: TEXT_MODES.has(context.mode),
  });

  // After each render the state is current again: take the next queued key, if any.
  useEffect(() => {
    handledSinceRender.current = false;
    const next = queue.current.shift();
    if (!next) return;
    handle(next);
    if (queue.current.length > 0) rerender();
  });
}
