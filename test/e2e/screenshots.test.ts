// `npm run screenshots` end to end, on two of its screens (each is a demo of its own, and `npm test`
// runs on busy 2-core machines): the plain stream, and the re-invoke dialog, reached by the most keys
// (errors only, a move, `r`, typing). Each SVG is well formed and draws the screen the step waited
// for (read back from the SVG); PNGs are checked where rsvg-convert is installed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../scripts/lib/screens.js';
import { canMakePng, takeScreenshots } from '../../scripts/lib/screenshot-session.js';
import { assertWellFormedXml, screenFromSvg } from '../scripts/svg-reader.js';

const outDir = mkdtempSync(join(tmpdir(), 'fnmon-screenshots-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const TAKEN = ['stream', 'reinvoke'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('npm run screenshots', () => {
  it('takes screens of the demo as SVGs of what the terminal showed', { timeout: 240_000 }, async () => {
    const run = await takeScreenshots(outDir, TAKEN);
    expect(run.failed).toEqual([]);
    for (const screen of SCREENS.filter((candidate) => TAKEN.includes(candidate.name))) {
      const svg = readFileSync(join(outDir, `${screen.name}.svg`), 'utf8');
      assertWellFormedXml(svg);
      const text = screenFromSvg(svg).join('\n');
      expect(text, screen.name).toMatch(/demo · fn-\S+\s+● live/);
      const last = screen.steps.at(-1);
      if (last) expect(last.until(text), `${screen.name}: ${last.what}`).toBe(true);
    }
    if (!canMakePng()) return;
    for (const name of TAKEN) {
      const png = join(outDir, `${name}.png`);
      expect(existsSync(png), png).toBe(true);
      expect(readFileSync(png).subarray(0, 8).equals(PNG_SIGNATURE), png).toBe(true);
    }
  });

  it('names a screen it does not know, and takes nothing', async () => {
    await expect(takeScreenshots(outDir, ['nope'])).rejects.toThrow(/unknown screen nope; known: stream/);
  });
});
