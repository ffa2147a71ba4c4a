// The README's key table, generated from the command table like the help overlay (help-lines.ts):
// every command by group, its default keys, what it does, where it works, and the id that
// config.yaml's `keys:` remaps. `npm run docs` writes it into README.md; a test keeps it current.
import { displayKey } from '../key-lookup.js';
import type { Command } from '../keymap.js';
import { GROUP_ORDER } from './help-lines.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function keysCell(keys: readonly string[]): string {
  return keys.map((key) => `\`${displayKey(key)}\``).join(' ');
}

/** Normal-mode commands limited to some panes say which, as the help overlay does. */
function whereSuffix(command: Command): string {
  const panes = command.focus;
  if (panes === undefined || command.modes.some((mode) => mode !== 'normal')) return '';
  return ` — in the ${panes.join(' or ')} pane`;
}

export function keyTableMarkdown(commands: readonly Command[]): string {
  const rows = ['| key | does | command id |', '|---|---|---|'];
  for (const group of GROUP_ORDER) {
    const members = commands.filter((command) => command.group === group);
    if (members.length === 0) continue;
    rows.push(`| **${group}** | | |`);
    for (const command of members) {
      rows.push(
        `| ${keysCell(command.keys)} | ${cell(command.description + whereSuffix(command))} | \`${command.id}\` |`,
      );
    }
  }
  return rows.join('\n');
}
