// `npm run screenshots` end to end: every screen is taken from the built binary on the demo, each
// SVG is well formed, and the screen it draws (read back from the SVG) is the one the screen waits
// for. PNGs are checked where rsvg-convert is installed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../scripts/lib/screens.js';
import { canMakePng, takeScreenshots } from '../../scripts/lib/screenshot-session.js';
import { assertWellFormedXml, screenFromSvg } from '../scripts/svg-reader.js';

const outDir = mkdtempSync(join(tmpdir(), 'fnmon-screenshots-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('npm run screenshots', () => {
  it('takes every screen of the demo as an SVG of what the terminal showed', { timeout: 300_000 }, async () => {
    const run = await takeScreenshots(outDir);
    expect(run.failed).toEqual([]);
    for (const screen of SCREENS) {
      const svg = readFileSync(join(outDir, `${screen.name}.svg`), 'utf8');
      assertWellFormedXml(svg);
      const text = screenFromSvg(svg).join('\n');
      expect(text, screen.name).toMatch(/demo · fn-\S+\s+● live/);
      const last = screen.steps.at(-1);
      if (last) expect(last.until(text), `${screen.name}: ${last.what}`).toBe(true);
    }
    if (!canMakePng()) return;
    for (const screen of SCREENS) {
      const png = join(outDir, `${screen.name}.png`);
      expect(existsSync(png), png).toBe(true);
      expect(readFileSync(png).subarray(0, 8).equals(PNG_SIGNATURE), png).toBe(true);
    }
  });

  it('names a screen it does not know, and takes nothing', async () => {
    await expect(takeScreenshots(outDir, ['nope'])).rejects.toThrow(/unknown screen nope; known: stream/);
  });
});
