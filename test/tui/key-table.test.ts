// The README's key table is generated from the command table (`npm run docs`); this keeps it current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlock } from '../../scripts/lib/readme-markers.js';
import { displayKey } from '../../src/tui/key-lookup.js';
import { COMMANDS } from '../../src/tui/keymap.js';
import { keyTableMarkdown } from '../../src/tui/view/key-table.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the key table', () => {
  it('in README.md is the one the command table generates (run `npm run docs` after changing keys)', () => {
    expect(readBlock(README, 'keys')).toBe(keyTableMarkdown(COMMANDS));
  });

  it('has a row for every command, with its keys, description and id', () => {
    const table = keyTableMarkdown(COMMANDS);
    for (const command of COMMANDS) {
      const keys = command.keys.map((key) => `\`${displayKey(key)}\``).join(' ');
      expect(table, command.id).toContain(`| ${keys} | ${command.description.replace(/\|/g, '\\|')}`);
      expect(table, command.id).toContain(`| \`${command.id}\` |`);
    }
  });

  it('says where a pane-limited command works, and escapes pipes', () => {
    const table = keyTableMarkdown([
      { id: 'back', keys: ['esc'], description: 'a | b', group: 'Panes', modes: ['normal'], focus: ['detail', 'logs'] },
    ]);
    expect(table).toContain('| **Panes** | | |\n| `Esc` | a \\| b — in the detail or logs pane | `back` |');
  });
});
