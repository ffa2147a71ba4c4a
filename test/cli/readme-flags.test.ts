// `fnmon --help` and the README say the same: help is generated from the command table
// (src/cli/commands.ts), so every command and flag there must be documented in the README, in its
// command's section, and every flag a README flag table lists must exist, with the same short form.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONNECTION_OPTIONS, GLOBAL_OPTIONS, MONITOR, SUBCOMMANDS, type CommandSpec } from '../../src/cli/commands.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const CONNECTION_NAMES = new Set(CONNECTION_OPTIONS.map((option) => option.name));

/** The level of each line that is a heading (0 for others), outside fenced code blocks. */
function headingLevels(lines: string[]): number[] {
  let fenced = false;
  return lines.map((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return fenced ? 0 : (/^(#+) /.exec(line)?.[1]!.length ?? 0);
  });
}

/** The README section whose heading names `fnmon NAME` (or the monitor's), up to the next heading as high. */
function section(command: CommandSpec): string {
  const lines = README.split('\n');
  const levels = headingLevels(lines);
  const title = command === MONITOR ? /^#+ The monitor\b/ : new RegExp(`^#+ .*\`fnmon ${command.name}\\b`);
  const start = lines.findIndex((line, index) => levels[index]! > 0 && title.test(line));
  if (start < 0) return '';
  const end = levels.findIndex((level, index) => index > start && level > 0 && level <= levels[start]!);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

function mentions(text: string, flag: string): boolean {
  return new RegExp(`(^|[^\\w-])--${flag}(?![\\w-])`, 'm').test(text);
}

/** `--flag`s (with their `-x` short form, if any) in the first cell of a section's table rows. */
function tableFlags(text: string): { name: string; short?: string }[] {
  const flags: { name: string; short?: string }[] = [];
  for (const row of text.matchAll(/^\| ([^|]*(?:\\\|[^|]*)*)\|/gm)) {
    for (const cell of row[1]!.split(/`,? *`?/)) {
      const flag = /^(?:-(\w), )?--([a-z][\w-]*)/.exec(cell.replace(/^`/, ''));
      if (flag) flags.push({ name: flag[2]!, ...(flag[1] && { short: flag[1] }) });
    }
  }
  return flags;
}

const COMMANDS = [MONITOR, ...SUBCOMMANDS];

describe('README.md and the command table', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s: has a section that documents each of its flags',
    (_name, command) => {
      const text = section(command);
      expect(text, `a README heading for ${command.name}`).not.toBe('');
      for (const option of command.options.filter((option) => !CONNECTION_NAMES.has(option.name))) {
        expect(mentions(text, option.name), `--${option.name} in the ${command.name} section`).toBe(true);
      }
    },
  );

  it('documents the connection and global flags', () => {
    for (const option of [...CONNECTION_OPTIONS, ...GLOBAL_OPTIONS]) {
      expect(mentions(README, option.name), `--${option.name}`).toBe(true);
    }
  });

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s: every flag its README tables list exists, with the same short form',
    (_name, command) => {
      // `get` and `logs` share a section: a flag of either may be listed there.
      const sharing = COMMANDS.filter((other) => section(other) === section(command));
      const known = [...sharing.flatMap((other) => other.options), ...GLOBAL_OPTIONS];
      for (const flag of tableFlags(section(command))) {
        const option = known.find((candidate) => candidate.name === flag.name);
        expect(option, `--${flag.name} is a flag of ${command.name}`).toBeDefined();
        expect(option?.short, `the short form of --${flag.name}`).toBe(flag.short);
      }
    },
  );
});
