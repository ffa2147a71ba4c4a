// `s`: the filtered list as JSON lines (one raw record per line, newest first) in a new file
// fnmon-<local time>.jsonl; never overwrites an existing file.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'date-fns';
import type { Activation } from '../core/activation.js';

const MAX_ATTEMPTS = 100;

export async function saveJsonLines(list: readonly Activation[], directory: string, now: number): Promise<string> {
  const body = list.map((activation) => `${JSON.stringify(activation.raw)}\n`).join('');
  const stem = `fnmon-${format(now, 'yyyyMMdd-HHmmss')}`;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const path = join(directory, attempt === 1 ? `${stem}.jsonl` : `${stem}-${attempt}.jsonl`);
    try {
      await writeFile(path, body, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`could not find a free file name for ${stem}.jsonl in ${directory}`);
}
