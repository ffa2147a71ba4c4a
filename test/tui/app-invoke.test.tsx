// Re-invoking from the monitor, on the real monitor and invoke services against the emulator: the
// dialog's parameters and their sources, the editor, the confirmation, and every kind of answer.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startLoopbackServer } from '../api/loopback-server.js';
import { emulator } from '../contract/harness.js';
import { expectFits, listRows, selectedRow } from './app-helpers.js';
import { closeRigs, invokeRig, untilAnswered, untilEditing } from './invoke-rig.js';
import { KEYS, frame, press, tick, type, until } from './render-helpers.js';

const CTRL_S = '\x13';
const CTRL_T = '\x14';
const CTRL_E = '\x05';

let target: RunningEmulator;

beforeAll(async () => {
  target = await emulator();
});

afterEach(closeRigs);

async function openDialog(rig: Awaited<ReturnType<typeof invokeRig>>): Promise<void> {
  await press(rig.app, 'r');
  await untilEditing(rig.app);
}

/** ctrl-s, then y on the "Invoke …?" prompt, then the answer. */
async function send(rig: Awaited<ReturnType<typeof invokeRig>>): Promise<string> {
  await press(rig.app, CTRL_S);
  expect(frame(rig.app)).toMatch(/Invoke \S+ .*\? +Enter\/y to send, Esc to go back/);
  await press(rig.app, 'y');
  return untilAnswered(rig.app);
}

describe('opening the dialog', () => {
  it('starts from project.yml overlaid by the newest history, and shows where each value comes from', async () => {
    const rig = await invokeRig(target, {
      project:
        'packages:\n  - name: sample\n    functions:\n      - name: hello\n        parameters:\n          name: Ada\n          greeting: Hi\n',
      history: [{ name: 'Older' }, { name: 'Bo' }],
    });
    await openDialog(rig);
    const shown = frame(rig.app);
    expect(shown).toContain(`Re-invoke sample/hello · re-run of ${rig.source.id.slice(0, 8)}`);
    expect(shown).toMatch(/ 1 name: Bo\s/);
    expect(shown).toMatch(/ 2 greeting: Hi\s/);
    expect(shown).toContain('history name: "Bo"');
    expect(shown).toContain('project greeting: "Hi"');
    expect(shown).toContain('History (2, newest first)');
    expect(shown.indexOf('{"name":"Bo"}')).toBeLessThan(shown.indexOf('{"name":"Older"}'));
    expect(shown).toContain('✓ 2 parameters');
  });

  it('shows bound parameters as read-only, and keeps them out of the editor', async () => {
    const rig = await invokeRig(target, { fn: 'images/thumbnail' });
    await openDialog(rig);
    expect(frame(rig.app)).toContain('bound   bucket: "media-uploads"');
    expect(frame(rig.app)).toContain('✓ no parameters');
  });

  it('replaces the editor text with a history entry chosen with Tab, j and Enter', async () => {
    const rig = await invokeRig(target, { history: [{ name: 'Old', count: 2 }, { name: 'New' }] });
    await openDialog(rig);
    expect(frame(rig.app)).toMatch(/ 1 name: New\s/);
    await press(rig.app, KEYS.tab, 'j', KEYS.enter);
    expect(frame(rig.app)).toMatch(/ 1 name: Old\s/);
    expect(frame(rig.app)).toMatch(/ 2 count: 2\s/);
    // Focus is back in the editor: typing edits the text.
    await type(rig.app, '!');
    expect(frame(rig.app)).toMatch(/ 1 name: Old!/);
  });
});

describe('editing', () => {
  it('shows invalid YAML with its line and column, and refuses to send it', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    const sendSpy = vi.spyOn(rig.service.invoker!, 'send');
    await type(rig.app, 'name: Zed');
    await press(rig.app, KEYS.enter);
    await type(rig.app, 'tags: [a');
    expect(frame(rig.app)).toMatch(/✗ line 2, column \d+: /);
    expect(frame(rig.app)).toContain('the parameters do not parse: nothing can be sent');
    await press(rig.app, CTRL_S);
    expect(frame(rig.app)).toMatch(/not sent: the parameters do not parse \(line 2, column \d+\)/);
    expect(frame(rig.app)).not.toContain('Enter/y to send');
    await press(rig.app, CTRL_S, 'y', KEYS.enter);
    await tick(100);
    expect(sendSpy).not.toHaveBeenCalled();
  });

  it('accepts JSON and sends it', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    await type(rig.app, '{"name": "Jo"}');
    expect(frame(rig.app)).toContain('✓ 1 parameter');
    expect(await send(rig)).toContain('"body": "Hello Jo"');
  });

  it('takes a paste as text, its line breaks and tabs included', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    await tick(50); // the editor starts listening for pastes once the dialog has rendered
    await press(rig.app, '\x1b[200~{\r\n\t"name": "Pasted"\r\n}\x1b[201~');
    await until(rig.app, (shown) => shown.includes('✓ 1 parameter'));
    expect(frame(rig.app)).toMatch(/ 2 {5}"name": "Pasted"/); // the tab, shown as spaces
    expect(frame(rig.app)).toMatch(/ 3 \}/);
    expect(frame(rig.app)).toContain('typed   name: "Pasted"');
    expect(frame(rig.app)).toContain('History (0, newest first)');
  });

  it('moves the cursor and edits across lines', async () => {
    const rig = await invokeRig(target, { history: [{ name: 'Ada', count: 1 }] });
    await openDialog(rig);
    // The cursor starts at the end of the first line.
    await press(rig.app, KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await type(rig.app, 'Zed');
    await press(rig.app, KEYS.down, KEYS.end, KEYS.backspace);
    await type(rig.app, '7');
    expect(frame(rig.app)).toMatch(/ 1 name: Zed\s/);
    expect(frame(rig.app)).toMatch(/ 2 count: 7\s/);
  });

  it('hands the text to $EDITOR and takes the edited text back', async () => {
    const rig = await invokeRig(target, {
      history: [{ name: 'Ada' }],
      editorEnv: { PATH: process.env.PATH, EDITOR: 'sed -i -e s/Ada/Zed/' },
    });
    await openDialog(rig);
    await press(rig.app, CTRL_E);
    await until(rig.app, (shown) => shown.includes('name: Zed'));
    expect(frame(rig.app)).toMatch(/ 1 name: Zed\s/);
    expect(frame(rig.app)).toContain('typed   name: "Zed"');
  });

  it('says so when there is no $EDITOR and no vi', async () => {
    const rig = await invokeRig(target, { editorEnv: { PATH: '/nonexistent' } });
    await openDialog(rig);
    await press(rig.app, CTRL_E);
    await until(rig.app, (shown) => shown.includes('$EDITOR is not set'));
    expect(frame(rig.app)).toContain('$EDITOR is not set and vi is not installed');
  });
});

describe('sending', () => {
  it('sends once, however often the confirmation is pressed', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    const invoker = rig.service.invoker!;
    const realSend = invoker.send.bind(invoker);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sendSpy = vi.spyOn(invoker, 'send').mockImplementation(async (...args) => {
      await gate;
      return realSend(...args);
    });
    await type(rig.app, 'name: Once');
    await press(rig.app, CTRL_S);
    // Key repeat and a double press: all in one chunk, and more after.
    await press(rig.app, '\ry\ry\r\r', 'y', KEYS.enter);
    expect(frame(rig.app)).toContain('sending to sample/hello… waiting for the result');
    release();
    await untilAnswered(rig.app);
    expect(sendSpy).toHaveBeenCalledTimes(1);
    const reruns = rig.service.store.newestFirst().filter((activation) => invoker.rerunOf(activation.id) !== undefined);
    expect(reruns).toHaveLength(1);
  });

  it('shows a blocking result in place; the new activation tops the list as a re-run, and Enter selects it', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    await type(rig.app, 'name: Zed');
    const answer = await send(rig);
    expect(answer).toContain('✓ success  HTTP 200');
    expect(answer).toContain(`re-run of   ${rig.source.id}`);
    expect(answer).toContain('"body": "Hello Zed"');
    const newId = /activation {2}([0-9a-f]{32})/.exec(answer)?.[1];
    expect(newId).toBeDefined();

    await press(rig.app, KEYS.enter);
    expect(frame(rig.app)).toContain('▸ Activations');
    const top = listRows(rig.app)[0] ?? '';
    expect(top).toContain(`sample/hello ↻ re-run of ${rig.source.id.slice(0, 8)}`);
    expect(top).toContain(newId!.slice(0, 8));
    expect(selectedRow(rig.app)).toBe(top);
    expect(frame(rig.app)).toContain(`re-run of  ↻ ${rig.source.id}`);
  });

  it('says an async invocation was started and the stream picks it up', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    await press(rig.app, CTRL_T);
    expect(frame(rig.app)).toContain('○ blocking  ● async');
    const answer = await send(rig);
    expect(answer).toContain('◐ started (async)');
    expect(answer).toContain('Accepted (HTTP 202). The stream picks it up when it ends.');
  });

  it('says a blocking invocation that outlasts the wait is still running', async () => {
    const rig = await invokeRig(await emulator({ blockingWaitMs: 100 }), { fn: 'sample/delay' });
    await openDialog(rig);
    await type(rig.app, 'ms: 1000');
    const answer = await send(rig);
    expect(answer).toContain('◐ still running');
    expect(answer).toContain('It outlasted the blocking wait (HTTP 202). The stream picks it up when it ends.');
  });

  it('puts the answer in the status line when the dialog was closed while waiting', async () => {
    const rig = await invokeRig(target);
    await openDialog(rig);
    const invoker = rig.service.invoker!;
    const realSend = invoker.send.bind(invoker);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(invoker, 'send').mockImplementation(async (...args) => {
      await gate;
      return realSend(...args);
    });
    await press(rig.app, CTRL_S, 'y', KEYS.esc);
    expect(frame(rig.app)).toContain('▸ Activations');
    release();
    await until(rig.app, (shown) => shown.includes('sample/hello: success'));
    expect(frame(rig.app)).toMatch(/sample\/hello: success in \d+ms \(200\) — activation [0-9a-f]{32}/);
  });
});

describe('failures, named for what they are', () => {
  it('shows an application error (502) with its record', async () => {
    const rig = await invokeRig(target, { fn: 'billing/charge' });
    await openDialog(rig);
    await type(rig.app, 'amount: 5');
    await press(rig.app, KEYS.enter);
    await type(rig.app, 'card: "4000000000000002"');
    const answer = await send(rig);
    expect(answer).toContain('✗ app error  HTTP 502: application or developer error');
    expect(answer).toMatch(/error {7}card declined/);
    expect(answer).toContain('"error": "card declined"');
  });

  it('shows throttling as rate-limited (429): nothing ran', async () => {
    const rig = await invokeRig(await emulator({ invokeLimits: { perMinute: 1 } }), { fn: 'healthcheck' });
    await openDialog(rig);
    expect(await send(rig)).toContain('✓ success');
    await press(rig.app, 'e');
    const answer = await send(rig);
    expect(answer).toContain('✗ rate-limited (HTTP 429)');
    expect(answer).toContain('Nothing ran.');
  });

  it('shows a connection lost after sending as outcome unknown, without retrying', async () => {
    const server = await startLoopbackServer((request) => request.socket.destroy());
    try {
      const rig = await invokeRig({ apihost: server.url, auth: target.auth });
      await openDialog(rig);
      const before = server.requests;
      const answer = await send(rig);
      expect(answer).toContain('? outcome unknown — check the stream');
      expect(answer).toContain('It was not retried.');
      expect(server.requests - before).toBeGreaterThanOrEqual(1);
    } finally {
      await closeRigs();
      await server.close();
    }
  });
});

describe('on screen', () => {
  it('fills the terminal exactly in every phase, at 80x24 and 120x40', async () => {
    for (const size of [
      [80, 24],
      [120, 40],
    ] as [number, number][]) {
      const rig = await invokeRig(target, { size, history: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
      await openDialog(rig);
      expectFits(rig.app, ...size);
      await press(rig.app, KEYS.tab);
      expectFits(rig.app, ...size);
      await press(rig.app, KEYS.enter, CTRL_S);
      expectFits(rig.app, ...size);
      await press(rig.app, 'y');
      await untilAnswered(rig.app);
      expectFits(rig.app, ...size);
      await closeRigs();
    }
  });
});
