// The memory benchmark's input, written once by the runner: `count` realistic records as JSON
// pages of 200 (one page per line), exactly what the child then parses as if from the wire.
// Generating them in the measured process would leave the generator's garbage in its RSS.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { summarize } from '../../src/emulator/activations-api.js';
import { fullRecords, logBytes, withLogBytes } from '../lib/records.js';

export const PAGE_SIZE = 200;

export interface PagesInfo {
  count: number;
  avgLogBytes: number;
  avgFullBytes: number;
  avgSummaryBytes: number;
}

/** Log sizes vary around the target: a few records far larger, most near or under it. */
function logTarget(index: number, averageBytes: number): number {
  return averageBytes * (0.1 + 1.4 * (((index * 7919) % 1000) / 1000));
}

export async function writePages(
  fullPath: string,
  summaryPath: string,
  count: number,
  logBytesTarget: number,
): Promise<PagesInfo> {
  const full = createWriteStream(fullPath);
  const summaries = createWriteStream(summaryPath);
  let logs = 0;
  let fullBytes = 0;
  let summaryBytes = 0;
  let page: Record<string, unknown>[] = [];
  const flush = async () => {
    const fullLine = `${JSON.stringify(page)}\n`;
    const summaryLine = `${JSON.stringify(page.map((record) => summarize(record)))}\n`;
    fullBytes += Buffer.byteLength(fullLine);
    summaryBytes += Buffer.byteLength(summaryLine);
    if (!full.write(fullLine)) await once(full, 'drain');
    if (!summaries.write(summaryLine)) await once(summaries, 'drain');
    page = [];
  };
  let index = 0;
  for (const generated of fullRecords(count, { seed: 7, newest: Date.now(), spacingMs: 20 })) {
    const record = withLogBytes(generated, logTarget(index, logBytesTarget));
    index += 1;
    logs += logBytes(record);
    page.push(record as unknown as Record<string, unknown>);
    if (page.length === PAGE_SIZE) await flush();
  }
  if (page.length > 0) await flush();
  await Promise.all([new Promise((resolve) => full.end(resolve)), new Promise((resolve) => summaries.end(resolve))]);
  return { count, avgLogBytes: logs / count, avgFullBytes: fullBytes / count, avgSummaryBytes: summaryBytes / count };
}
