// Re-invoking from the monitor as a person does it: the built binary with --demo in a pseudo-
// terminal, a sample/hello activation selected through the filter, `r`, a typed value, the
// confirmation, and the new activation at the top of the list with a result that reflects it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startPty, type PtySession } from './pty.js';

const CTRL_S = '\x13';
const ROW = /^([› ]) (now|\d+s ago)\s+\S+ (success|app error|dev error|internal|timeout)\s+(\S+)(.*)$/;

let session: PtySession | undefined;
let stateDir: string | undefined;
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

interface Row {
  selected: boolean;
  ageSeconds: number;
  fn: string;
  rest: string;
}

function rows(text: string): Row[] {
  return text
    .split('\n')
    .map((line) => ROW.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({
      selected: match[1] === '›',
      ageSeconds: match[2] === 'now' ? 0 : Number.parseInt(match[2]!, 10),
      fn: match[4]!,
      rest: match[5]!,
    }));
}

describe('re-invoking from the monitor', () => {
  it(
    'edits a parameter, confirms, and shows the new activation on top with a result that reflects it',
    { timeout: 90_000 },
    async () => {
      // The demo keeps its invoke history under TMPDIR: a fresh one starts with an empty editor.
      stateDir = mkdtempSync(join(tmpdir(), 'fnmon-e2e-invoke-'));
      session = startPty(['--demo', '--seed', '3'], { cols: 120, rows: 40, env: { TMPDIR: stateDir } });
      await session.waitFor((text) => rows(text).length >= 3, 'activation rows');

      session.press('/');
      await session.waitFor((text) => text.includes('Enter keep'), 'the filter bar');
      session.press('fn:sample/hello');
      session.press(KEYS.enter);
      await session.waitFor(
        (text) => rows(text).length > 0 && rows(text).every((row) => row.fn === 'sample/hello'),
        'a sample/hello activation',
        30_000,
      );

      session.press('r');
      const opened = await session.waitFor(
        (text) => text.includes('^s send') && text.includes('✓ no parameters'),
        'the dialog',
      );
      const rerunOf = /Re-invoke sample\/hello · re-run of ([0-9a-f]{8})/.exec(opened)?.[1];
      expect(rerunOf).toBeDefined();
      session.press('name: Zed');
      await session.waitFor(
        (text) => text.includes('typed   name: "Zed"') && text.includes('✓ 1 parameter'),
        'the typed value',
      );

      session.press(CTRL_S);
      await session.waitFor((text) => text.includes('Invoke sample/hello with 1 parameter?'), 'the confirmation');
      session.press(KEYS.enter);
      const answer = await session.waitFor((text) => text.includes('e edit again'), 'the result');
      expect(answer).toContain('✓ success  HTTP 200');
      expect(answer).toContain('"body": "Hello Zed"');
      const newId = /activation {2}([0-9a-f]{32})/.exec(answer)?.[1];
      expect(newId).toBeDefined();

      // Enter selects it in the list: on top, or under only activations that started after it.
      session.press(KEYS.enter);
      const listed = await session.waitFor((text) => rows(text).some((row) => row.selected), 'the selection');
      const list = rows(listed);
      const index = list.findIndex((row) => row.selected);
      expect(list[index]!.rest).toContain(newId!.slice(0, 8));
      expect(list[index]!.fn).toBe('sample/hello');
      expect(listed).toContain(`sample/hello ↻ re-run of ${rerunOf}`);
      for (const above of list.slice(0, index)) expect(above.ageSeconds).toBeLessThanOrEqual(list[index]!.ageSeconds);

      // Its detail: linked to the activation it re-ran, with the result.
      expect(listed).toMatch(new RegExp(`re-run of  ↻ ${rerunOf}[0-9a-f]{24}`));
      session.press(KEYS.enter);
      // One row at a time, each press waiting for its frame: keys pressed faster than frames would
      // scroll past the result before the screen is read.
      const body = '"body": "Hello Zed"';
      const scrolled = (text: string) => /Detail · .*?(\d+-\d+\/\d+)/.exec(text)?.[1];
      for (let step = 0; step < 80 && !session.screenText().includes(body); step++) {
        const before = scrolled(session.screenText());
        session.press('j');
        await session.waitFor((text) => text.includes(body) || scrolled(text) !== before, 'the detail to scroll');
      }
      await session.waitFor((text) => text.includes('"body": "Hello Zed"'), 'the result in the detail');

      session.press('q');
      session.press('q');
      expect((await session.exited).exitCode).toBe(0);
    },
  );
});
