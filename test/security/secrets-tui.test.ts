// No output path of the monitor carries the namespace key: run it in a pty with the key configured
// in config.yaml, go through the list, the detail, the logs, the help, the function picker and a
// save (`s`), and scan every byte it wrote and the saved file; the same with a rejected key.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { KEYS, startPty, type PtySession } from '../e2e/pty.js';

let emulator: RunningEmulator;
const saveDirs: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ seed: 12, rate: 8, maxDurationMs: 800 });
});

afterAll(async () => {
  await emulator.close();
  for (const dir of saveDirs) rmSync(dir, { recursive: true, force: true });
});

/** The key in every form it could leak in: whole, the secret half, Basic-auth encoded. */
function secretForms(auth: string): string[] {
  const encoded = Buffer.from(auth).toString('base64');
  return [auth, auth.slice(auth.indexOf(':') + 1), encoded, encoded.slice(0, -4)];
}

function monitor(auth: string): { session: PtySession; saveDir: string } {
  const home = tempHome();
  home.writeConfig(`current-context: emu\ncontexts:\n  emu:\n    apihost: ${emulator.apihost}\n    auth: "${auth}"\n`);
  const saveDir = mkdtempSync(join(tmpdir(), 'fnmon-save-'));
  saveDirs.push(saveDir);
  const session = startPty([], { cols: 120, rows: 36, env: home.env, cwd: saveDir });
  return { session, saveDir };
}

async function step(session: PtySession, keys: string, shows: RegExp, what: string): Promise<void> {
  session.press(keys);
  await session.waitFor((screen) => shows.test(screen), what);
}

describe('the namespace key never reaches the monitor’s output', () => {
  it('in any view, nor in a saved file', { timeout: 90_000 }, async () => {
    const { session, saveDir } = monitor(emulator.auth);
    try {
      await session.waitFor((screen) => /\d+\/\d+ shown/.test(screen) && /\d+s ago/.test(screen), 'activations');
      const list = /^(?![\s\S]*▸ (Help|Functions))[\s\S]*▸ Activations/;
      await step(session, KEYS.enter, /── record ──/, 'the full record');
      await step(session, 'l', /▸ Logs/, 'the logs');
      await step(session, KEYS.escape, list, 'the list');
      await step(session, '?', /▸ Help — keys/, 'the help');
      await step(session, KEYS.escape, list, 'the list');
      await step(session, 'F', /▸ Functions/, 'the function picker');
      await step(session, KEYS.escape, list, 'the list');
      await step(session, 's', /saved \d+ activations? to/, 'the save');
      session.press('q');
      await session.exited;
      const saved = readdirSync(saveDir).map((name) => readFileSync(join(saveDir, name), 'utf8'));
      expect(saved).toHaveLength(1);
      expect(saved[0]!.split('\n').length).toBeGreaterThan(2);
      for (const secret of secretForms(emulator.auth)) {
        expect(session.output()).not.toContain(secret);
        expect(saved[0]).not.toContain(secret);
      }
    } finally {
      session.kill('SIGKILL');
    }
  });

  it('when the key is rejected', { timeout: 60_000 }, async () => {
    const wrongKey = `${emulator.auth.split(':')[0]}:${'f'.repeat(64)}`;
    const { session } = monitor(wrongKey);
    try {
      await session.waitFor((screen) => screen.includes('✗ error'), 'the error');
      session.press('q');
      await session.exited;
      for (const secret of secretForms(wrongKey)) expect(session.output()).not.toContain(secret);
    } finally {
      session.kill('SIGKILL');
    }
  });
});
