// Forwarded logs in the monitor as a person sees them: the built binary with --demo (whose
// emulator forwards api/webhook's output to its Papertrail) in a pseudo-terminal. Filter to the
// function, open its logs, and read the badged lines; the header says how Papertrail is doing.
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, startPty, type PtySession } from './pty.js';

let session: PtySession | undefined;
afterEach(() => {
  session?.kill('SIGKILL');
  session = undefined;
});

const WEBHOOK_ROW = /^[› ] (now|\d+[sm] ago)\s+(✓ success|∅ no record)\s+api\/webhook\b/m;

describe('forwarded logs in fnmon --demo', () => {
  it(
    'shows api/webhook’s lines with a [papertrail] badge, and Papertrail’s health in the header',
    { timeout: 120_000 },
    async () => {
      session = startPty(['--demo', '--seed', '5'], { cols: 120, rows: 40 });
      await session.waitFor((text) => text.includes('Activations'), 'the monitor');

      session.press('/');
      await session.waitFor((text) => text.includes('Enter keep'), 'the filter bar');
      session.press('fn:api/webhook');
      session.press(KEYS.enter);
      await session.waitFor((text) => WEBHOOK_ROW.test(text), 'an api/webhook row', 30_000);

      // The oldest row: its lines have had the longest to reach Papertrail and come back.
      session.press('G');
      session.press('l');
      const screen = await session.waitFor(
        (text) => /^(\d\d:\d\d:\d\d\.\d{3} )?\[papertrail\] \S/m.test(text),
        'a [papertrail] line in the log pane',
        30_000,
      );
      expect(screen).toMatch(/▸ Logs · api\/webhook/);
      const header = screen.split('\n')[1] ?? '';
      expect(header).toContain('filter fn:api/webhook');
      expect(header).toMatch(/papertrail ●( live)?/);

      // From the log pane, q goes back to the list; from the list it quits.
      session.press('q');
      session.press('q');
      await new Promise((r) => setTimeout(r, 8000));
      console.log('AFTER QQ', session.screenText().split('\n').slice(0, 4).join('\n'));
      session.press('q');
      const t = Date.now();
      await session.exited;
      console.log('EXITED after third q in', Date.now() - t);
      expect((await session.exited).exitCode).toBe(0);
    },
  );
});
