// Remembers which functions namespace a person picked for a DigitalOcean token, so the next run
// does not ask again. Kept in the XDG state dir, mode 0600, keyed by a SHA-256 of the token:
// the file never holds the token, only a digest that cannot be turned back into it.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { namespaceChoicesFile } from './paths.js';
import type { Secret } from './secret.js';

interface ChoicesFile {
  /** sha256(token) -> namespace id (fn-…). */
  choices: Record<string, string>;
}

export function tokenDigest(token: Secret): string {
  return createHash('sha256').update(token.reveal()).digest('hex');
}

function readChoices(file: string): ChoicesFile {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ChoicesFile>;
    return typeof parsed.choices === 'object' && parsed.choices !== null
      ? { choices: parsed.choices }
      : { choices: {} };
  } catch {
    // Missing or damaged: nothing remembered; the next choice rewrites it.
    return { choices: {} };
  }
}

/** The namespace id picked last time for this token, if any. */
export function recallNamespace(env: NodeJS.ProcessEnv, token: Secret): string | undefined {
  const remembered = readChoices(namespaceChoicesFile(env)).choices[tokenDigest(token)];
  return typeof remembered === 'string' ? remembered : undefined;
}

export function rememberNamespace(env: NodeJS.ProcessEnv, token: Secret, namespace: string): void {
  const file = namespaceChoicesFile(env);
  const content = readChoices(file);
  content.choices[tokenDigest(token)] = namespace;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Write then rename, so a crash never leaves half a file; chmod because `mode` only applies on create.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
