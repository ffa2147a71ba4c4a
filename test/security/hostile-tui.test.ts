// Hostile records in the monitor, in a real pseudo-terminal: the list, the detail and the logs of
// every one of them render without crashing, nothing but fnmon's own escape sequences reaches the
// terminal, the title never changes, every frame stays one screen tall and list rows stay aligned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { tempHome } from '../config/home.js';
import { KEYS, startPty, type PtySession } from '../e2e/pty.js';
import { hostileRecords, type HostileRecord } from './hostile-records.js';
import { foreignSequences } from './terminal-scan.js';

const COLUMNS = 120;
const ROWS = 40;
const SHORT_ID = 8;

let emulator: RunningEmulator;
let records: HostileRecord[];

beforeAll(async () => {
  records = hostileRecords(Date.now());
  emulator = await startEmulator({ traffic: false, load: records.map(({ record }) => record) });
});

afterAll(async () => {
  await emulator.close();
});

/** The text of `count` cells from column `from` of a screen row (wide characters take two cells). */
function cells(session: PtySession, row: number, from: number, count: number): string {
  const line = session.terminal.buffer.active.getLine(row);
  let text = '';
  for (let x = from; x < from + count; x++) text += line?.getCell(x)?.getChars() ?? '';
  return text;
}

/** Every frame is the whole screen: the header on top, the key bar at the bottom (nothing scrolled). */
function expectWholeFrame(session: PtySession): void {
  const screen = session.screen();
  expect(screen[0]).toMatch(/^ fnmon /);
  expect(screen[ROWS - 1]).toMatch(/\bq quit\b|\bhelp\b/);
}

/** Each activation row ends with its short id in the ID column: nothing before it took more or less room. */
async function expectAlignedRows(session: PtySession, shortIds: Set<string>): Promise<void> {
  // A frame can reach the terminal in more than one read: judge the screen once it is whole.
  await session.waitFor(() => firstMisaligned(session, shortIds) === undefined, 'aligned rows', 2000).catch(() => {});
  expect(firstMisaligned(session, shortIds)).toBeUndefined();
}

/** What is wrong with the first activation row that is not aligned, or undefined when all are. */
function firstMisaligned(session: PtySession, shortIds: Set<string>): string | undefined {
  const screen = session.screen();
  const heading = screen.findIndex((row) => /^ {2}TIME +STATUS +FUNCTION/.test(row));
  if (heading < 0) return 'no list heading';
  const idColumn = screen[heading]!.lastIndexOf('ID');
  const rows = screen.slice(heading + 1).findIndex((row) => !/^[› ] (now|\d+[smhdy] ago)/.test(row));
  if (rows <= 0) return 'no activation rows';
  for (let row = heading + 1; row <= heading + rows; row++) {
    if (!shortIds.has(cells(session, row, idColumn, SHORT_ID))) return `row ${row}: ${screen[row]}`;
    if (cells(session, row, idColumn + SHORT_ID, COLUMNS).trim() !== '') return `row ${row} is too wide`;
  }
  return undefined;
}

async function settled(session: PtySession, pane: 'Activations' | 'Detail' | 'Logs'): Promise<void> {
  await session.waitFor(
    (text) => text.includes(`▸ ${pane}`) && !/fetching the (full record|logs)…/.test(text),
    `the ${pane} pane with everything fetched`,
    30_000,
  );
}

describe('the monitor with hostile records', () => {
  it('shows the list, detail and logs of each one safely', { timeout: 240_000 }, async () => {
    const home = tempHome();
    const session = startPty([], {
      cols: COLUMNS,
      rows: ROWS,
      env: { ...home.env, FNMON_APIHOST: emulator.apihost, FNMON_AUTH: emulator.auth },
    });
    const titles: string[] = [];
    session.terminal.onTitleChange((title) => titles.push(title));
    try {
      const shortIds = new Set(records.map(({ record }) => String(record.activationId).slice(0, SHORT_ID)));
      await session.waitFor((text) => text.includes(`${records.length}/${records.length} shown`), 'every record');
      session.press('G');
      for (let step = 0; step < records.length; step++) {
        const position = new RegExp(`Activations +${records.length - step}/${records.length}\\s*$`, 'm');
        await session.waitFor((text) => position.test(text), `the cursor on row ${records.length - step}`);
        await expectAlignedRows(session, shortIds);
        session.press(KEYS.enter);
        await settled(session, 'Detail');
        expectWholeFrame(session);
        session.press('l');
        await settled(session, 'Logs');
        session.press('w'); // wrapped, every character of the visible lines is laid out
        await settled(session, 'Logs');
        expectWholeFrame(session);
        session.press('w');
        session.press(KEYS.escape);
        await settled(session, 'Activations');
        session.press('k');
      }
      session.press('q');
      expect((await session.exited).exitCode).toBe(0);
      expect(foreignSequences(session.output())).toEqual([]);
      expect(titles).toEqual([]);
    } finally {
      session.kill('SIGKILL');
    }
  });
});
