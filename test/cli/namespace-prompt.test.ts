import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { namespacePrompt } from '../../src/cli/namespace-prompt.js';
import type { NamespaceSummary } from '../../src/config/do-token.js';

const NAMESPACES: NamespaceSummary[] = [
  { namespace: 'fn-1', label: 'prod', region: 'nyc1', apihost: 'https://a.example' },
  { namespace: 'fn-2', label: 'staging\u001b[31m', region: 'ams3', apihost: 'https://b.example' },
];

function rig(answers: string, end = true) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  input.write(answers);
  if (end) input.end();
  return { ask: namespacePrompt(input, output), shown: () => shown };
}

describe('the namespace prompt', () => {
  it('lists the namespaces numbered, with labels made terminal-safe, and returns the one picked', async () => {
    const { ask, shown } = rig('2\n');
    expect(await ask(NAMESPACES)).toBe(NAMESPACES[1]);
    expect(shown()).toContain('  1) prod  nyc1  fn-1\n');
    expect(shown()).not.toContain('\u001b');
    expect(shown()).toContain('Use which one? [1-2] ');
  });

  it('asks again after an answer that is out of range, and accepts a label', async () => {
    const { ask, shown } = rig('7\nprod\n');
    expect(await ask(NAMESPACES)).toBe(NAMESPACES[0]);
    expect(shown()).toContain('Type a number from 1 to 2, or a label.');
  });

  it('returns nothing when input ends without an answer', async () => {
    const { ask } = rig('');
    expect(await ask(NAMESPACES)).toBeUndefined();
  });
});
