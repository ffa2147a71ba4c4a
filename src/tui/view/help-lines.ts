// The help overlay's content, generated from the command table: every command, its keys and where
// it works, grouped; then a short reference of the filter language.
import { padToWidth } from '../../core/logline.js';
import { displayKeys } from '../key-lookup.js';
import type { Command, CommandGroup } from '../keymap.js';
import { segment, truncateLine, type StyledLine } from './styled-line.js';

const KEYS_WIDTH = 20;

/** Normal-mode groups first: they are what people open help for. (The README's key table too.) */
export const GROUP_ORDER: readonly CommandGroup[] = [
  'Move',
  'Panes',
  'Filter',
  'View',
  'Activation',
  'Insights',
  'App',
  'Prompt',
  'Insight views',
  'Function picker',
  'Namespace picker',
  'Re-invoke dialog',
  'Parameter editor',
  'Overlays',
];

const FILTER_EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['fn:billing/*', 'functions by glob (without / : the name in any package)'],
  ['status:failed|timeout', 'success, failed, app-error, dev-error, internal, timeout'],
  ['dur>500ms  dur<=2s', 'duration comparisons (<, <=, >, >=, =)'],
  ['cold:yes  kind:nodejs*', 'cold starts; runtime kind'],
  ['id:9b1f', 'activation id prefix'],
  ['timeout "card declined"', 'words and phrases in the function, id, error or logs'],
  ['/ECONN\\w+/i  !fn:health', 'regular expressions; ! negates any term'],
];

/** The line for one command, as the help shows it (tests look for exactly this text). */
export function helpEntryText(command: Command): string {
  const where =
    command.focus === undefined || command.modes.some((mode) => mode !== 'normal')
      ? ''
      : `  [${command.focus.join(', ')}]`;
  return `  ${padToWidth(displayKeys(command.keys), KEYS_WIDTH)} ${command.description}${where}`;
}

export function helpLines(commands: readonly Command[], width: number): StyledLine[] {
  const lines: StyledLine[] = [];
  for (const group of GROUP_ORDER) {
    const members = commands.filter((command) => command.group === group);
    if (members.length === 0) continue;
    if (lines.length > 0) lines.push([]);
    lines.push([segment(group, { bold: true, color: 'cyan' })]);
    for (const command of members) {
      const text = helpEntryText(command);
      lines.push([segment(text.slice(0, KEYS_WIDTH + 2), { bold: true }), segment(text.slice(KEYS_WIDTH + 2))]);
    }
  }
  lines.push(
    [],
    [segment('Filter language (terms separated by spaces; all must match)', { bold: true, color: 'cyan' })],
  );
  for (const [example, meaning] of FILTER_EXAMPLES)
    lines.push([segment(`  ${padToWidth(example, 26)} `, { bold: true }), segment(meaning, { dim: true })]);
  return lines.map((line) => truncateLine(line, width));
}
