// Reading the files credentials live in: a missing file is normal (that source is simply absent),
// and a file other users can read earns a warning, because whoever reads it can use the key.
import { readFileSync, statSync } from 'node:fs';

/** Collects warnings for the person; each distinct warning is kept once. */
export type Warn = (message: string) => void;

export class FileUnreadable extends Error {}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The warning for a file whose mode lets group or others read or write it; undefined when private. */
function exposureWarning(path: string, mode: number): string | undefined {
  if ((mode & 0o077) === 0) return undefined;
  return `warning: ${path} holds credentials and other users can read it; fix: chmod 600 ${path}`;
}

/**
 * The text of a file that holds credentials, or undefined when there is no such file.
 * Throws FileUnreadable (one line) when it exists but cannot be read.
 */
export function readCredentialFile(path: string, warn: Warn): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const warning = exposureWarning(path, statSync(path).mode);
    if (warning) warn(warning);
    return text;
  } catch (error) {
    if (isMissing(error)) return undefined;
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new FileUnreadable(`cannot read ${path} (${reason})`);
  }
}
