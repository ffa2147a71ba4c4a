// Shared set-up for the App flow tests: a service over real records, and reading the screen.
import { expect } from 'vitest';
import { displayWidth } from '../../src/core/logline.js';
import { App } from '../../src/tui/App.js';
import { COMMANDS, type Command } from '../../src/tui/keymap.js';
import { FakeMonitorService } from './fake-service.js';
import { fixtureRecords, generatedRecords } from './data.js';
import { frameLines, renderAt, tick, type Rendered } from './render-helpers.js';

/** Lets the first frame's fetches (after the detail's short delay) and the 10 Hz notify settle. */
export const SETTLE_MS = 250;

export function serviceWith(count = 40): FakeMonitorService {
  const service = new FakeMonitorService();
  service.functions = ['billing/charge', 'never/ran'];
  service.addRaw(fixtureRecords());
  service.addRaw(generatedRecords(count, Date.now() - 5000));
  return service;
}

export async function open(
  service: FakeMonitorService,
  size: [number, number] = [120, 40],
  props: { commands?: readonly Command[]; saveDir?: string; warnings?: string[] } = {},
): Promise<Rendered> {
  const app = await renderAt(
    <App service={service} commands={props.commands ?? COMMANDS} saveDir={props.saveDir} warnings={props.warnings} />,
    size[0],
    size[1],
  );
  await tick(SETTLE_MS);
  return app;
}

/** The list row with the selection marker. */
export function selectedRow(app: Rendered): string {
  return frameLines(app).find((line) => line.startsWith('› ')) ?? '';
}

export function listRows(app: Rendered): string[] {
  return frameLines(app).filter((line) => /^[› ] (now|\d+[smhd] ago) /.test(line));
}

export function expectFits(app: Rendered, columns: number, rows: number): void {
  const lines = frameLines(app);
  expect(lines).toHaveLength(rows);
  for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
}
