// The shared activation fixtures (test/fixtures/activations), parsed.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const directory = fileURLToPath(new URL('../fixtures/activations/', import.meta.url));

export const activationFixtures: ReadonlyArray<{ file: string; record: Record<string, unknown> }> = readdirSync(
  directory,
)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, record: JSON.parse(readFileSync(directory + file, 'utf8')) as Record<string, unknown> }));
