// FNMON_DEMO_CLOCK=<ISO time>: `fnmon --demo` as a still life at that moment, so that pictures of it
// (scripts/screenshots.ts) come out the same on every run. The process's clock starts at that
// instant (Date.now is shifted; time still passes), and the demo's emulator serves the seeded
// traffic from 14 minutes to 1 minute before it, all finished, and generates nothing new. Only the
// demo reads it; nothing else in fnmon changes its clock.
import type { EmulatorOptions } from '../emulator/index.js';
import { UsageFailure } from './options.js';

const DEMO_CLOCK_VARIABLE = 'FNMON_DEMO_CLOCK';

const HISTORY_MS = 14 * 60_000;
/** Nothing ends in the last minute, so relative times ("1 minute ago") hold still while pictures are taken. */
const QUIET_MS = 60_000;

/** The still life's moment (epoch ms), or undefined when the variable is unset. */
export function demoClockInstant(env: NodeJS.ProcessEnv): number | undefined {
  const text = env[DEMO_CLOCK_VARIABLE];
  if (text === undefined || text === '') return undefined;
  const instant = Date.parse(text);
  if (!Number.isFinite(instant)) {
    throw new UsageFailure(
      `${DEMO_CLOCK_VARIABLE} expects an ISO time like 2026-05-04T09:30:00Z (got ${JSON.stringify(text)})`,
    );
  }
  return instant;
}

/** Makes Date.now read `instant` from now on (plus the time that passes), for this whole process. */
export function startClockAt(instant: number): void {
  const realNow = Date.now;
  const offset = instant - realNow();
  Date.now = () => realNow() + offset;
}

/** The emulator of a still life: history up to a minute before `instant`, and no live traffic. */
export function stillLifeEmulator(instant: number): Pick<EmulatorOptions, 'traffic' | 'history'> {
  return { traffic: false, history: { from: instant - HISTORY_MS, until: instant - QUIET_MS } };
}
