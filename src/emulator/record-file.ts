// Appends each record as one JSON line the moment it becomes visible (the `record` option).
// Synchronous writes keep the file exactly in step with the API; a line is a few hundred bytes.
import { closeSync, openSync, writeSync } from 'node:fs';

export class RecordFile {
  private fd: number | undefined;

  /** Opens (creating or appending to) `path`; throws a readable error when that is not possible. */
  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, 'a');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new Error(`cannot open record file '${path}' (${code})`, { cause: error });
    }
  }

  append(record: unknown): void {
    if (this.fd === undefined) return;
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
