import { afterAll, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { startPty, KEYS } from '../e2e/pty.js';
import { hostileRecords } from './hostile-records.js';
import { writeFileSync } from 'node:fs';

it('explore', { timeout: 120_000 }, async () => {
  const emulator = await startEmulator({ traffic: false, load: hostileRecords(Date.now()).map((r) => r.record) });
  const home = tempHome();
  const s = startPty([], {
    cols: 120,
    rows: 40,
    env: { ...home.env, FNMON_APIHOST: emulator.apihost, FNMON_AUTH: emulator.auth },
  });
  const titles: string[] = [];
  s.terminal.onTitleChange((t) => titles.push(t));
  await s.waitFor((t) => t.includes('odd/numbers'), 'rows');
  await new Promise((r) => setTimeout(r, 1500));
  let dump = s.screenText() + '\n=====\n';
  for (const k of ['j', 'j', KEYS.enter]) {
    s.press(k);
    await new Promise((r) => setTimeout(r, 700));
  }
  dump += s.screenText() + '\n=====\n';
  s.press('l');
  await new Promise((r) => setTimeout(r, 1000));
  dump += s.screenText() + '\n=====\n';
  s.press(KEYS.escape);
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 12; i++) {
    s.press('j');
    await new Promise((r) => setTimeout(r, 600));
    dump += s.screenText() + '\n=====\n';
  }
  s.press('q');
  await s.exited;
  writeFileSync('/tmp/scratch/screens.txt', dump);
  writeFileSync('/tmp/scratch/raw.txt', s.output());
  writeFileSync('/tmp/scratch/titles.txt', JSON.stringify(titles));
  await emulator.close();
});
