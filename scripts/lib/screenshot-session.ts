// One picture: a fresh `fnmon --demo` in a pseudo-terminal, with a home of its own (no personal
// config, state or invoke history), the demo's still-life clock (FNMON_DEMO_CLOCK), UTC and a UTF-8
// locale; then the screen's steps, and the screen once it has stopped changing, as SVG (and PNG
// when rsvg-convert is installed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPty, type PtySession } from '../../test/e2e/pty.js';
import { SCREENS, type Screen } from './screens.js';
import { terminalSvg } from './terminal-svg.js';

/** What every picture shares; the README states it next to them. */
const SCREENSHOT_SETUP = { seed: '7', clock: '2026-05-04T09:30:00Z', cols: 120, rows: 34 } as const;

/** The opening history has arrived: the header counts activations and the feed is live. */
const LIVE = /● live\s+[1-9]\d*\/\d+ shown/;
const OPENING_TIMEOUT_MS = 30_000;
const STEP_TIMEOUT_MS = 15_000;
/** A screen that has not changed for this long is taken as drawn. */
const SETTLED_MS = 600;
const SETTLE_TIMEOUT_MS = 30_000;
/** Times in the list as clock times: the still life's relative times would all read "1m ago". */
const CONFIG_YAML = 'ui:\n  time-format: absolute\n';

/** The built launcher, from the repository root (npm runs scripts there). */
function binary(): string {
  const bin = resolve('bin/fnmon.js');
  if (!existsSync(resolve('dist/fnmon.js'))) throw new Error('dist/fnmon.js is missing: run `npm run build` first');
  return bin;
}

function isolatedEnv(home: string): NodeJS.ProcessEnv {
  for (const dir of ['config/fnmon', 'state', 'tmp']) mkdirSync(join(home, dir), { recursive: true });
  writeFileSync(join(home, 'config/fnmon/config.yaml'), CONFIG_YAML);
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_STATE_HOME: join(home, 'state'),
    // The demo keeps its invoke history under the temporary directory: a fresh one shows none.
    TMPDIR: join(home, 'tmp'),
    FNMON_DEMO_CLOCK: SCREENSHOT_SETUP.clock,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    DIGITALOCEAN_ACCESS_TOKEN: undefined,
  };
}

/** Waits until the screen has not changed for SETTLED_MS. */
async function settle(session: PtySession): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let last = await session.waitFor(() => true, 'a frame');
  let since = Date.now();
  while (Date.now() - since < SETTLED_MS) {
    if (Date.now() > deadline) throw new Error(`the screen never stopped changing; last screen:\n${last}`);
    await new Promise((done) => setTimeout(done, 100));
    const text = await session.waitFor(() => true, 'a frame');
    if (text !== last) {
      last = text;
      since = Date.now();
    }
  }
}

async function drive(session: PtySession, screen: Screen): Promise<void> {
  await session.waitFor((text) => LIVE.test(text), 'the demo stream to go live', OPENING_TIMEOUT_MS);
  await settle(session);
  for (const step of screen.steps) {
    session.press(step.input);
    await session.waitFor(step.until, step.what, STEP_TIMEOUT_MS);
  }
  await settle(session);
}

export function canMakePng(): boolean {
  return spawnSync('rsvg-convert', ['--version'], { stdio: 'ignore' }).status === 0;
}

function writePng(svgPath: string, pngPath: string): void {
  const converted = spawnSync('rsvg-convert', ['--format', 'png', '--output', pngPath, svgPath], { encoding: 'utf8' });
  if (converted.status !== 0) throw new Error(`rsvg-convert failed: ${converted.stderr.trim()}`);
}

/** Takes one picture into `outDir`; returns the files written. */
async function takeScreen(screen: Screen, outDir: string, png: boolean): Promise<string[]> {
  const bin = binary();
  const home = mkdtempSync(join(tmpdir(), 'fnmon-screenshot-'));
  const { cols, rows, seed } = SCREENSHOT_SETUP;
  const session = startPty([], {
    cols,
    rows,
    env: isolatedEnv(home),
    shell: [process.execPath, bin, '--demo', '--seed', seed],
  });
  try {
    await drive(session, screen);
    const svgPath = join(outDir, `${screen.name}.svg`);
    writeFileSync(svgPath, terminalSvg(session.terminal, screen.title));
    if (!png) return [svgPath];
    const pngPath = join(outDir, `${screen.name}.png`);
    writePng(svgPath, pngPath);
    return [svgPath, pngPath];
  } finally {
    session.kill('SIGKILL');
    await session.exited;
    rmSync(home, { recursive: true, force: true });
  }
}

export interface ScreenshotRun {
  written: string[];
  /** Screens that could not be taken (a missing view, a changed screen): the others are still taken. */
  failed: { name: string; error: string }[];
}

/** Takes the named screens (all by default), one after the other (each runs its own demo). */
export async function takeScreenshots(outDir: string, names?: readonly string[]): Promise<ScreenshotRun> {
  const unknown = names?.filter((name) => !SCREENS.some((screen) => screen.name === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown screen ${unknown.join(', ')}; known: ${SCREENS.map((s) => s.name).join(', ')}`);
  mkdirSync(outDir, { recursive: true });
  const png = canMakePng();
  const run: ScreenshotRun = { written: [], failed: [] };
  for (const screen of SCREENS.filter((candidate) => names === undefined || names.includes(candidate.name))) {
    try {
      run.written.push(...(await takeScreen(screen, outDir, png)));
    } catch (error) {
      run.failed.push({ name: screen.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}
