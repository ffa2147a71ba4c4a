// Help text, generated from the command table so it can never disagree with the parser.
import { GLOBAL_OPTIONS, MONITOR, SUBCOMMANDS, findSubcommand, type OptionSpec } from './commands.js';

function optionLabel(spec: OptionSpec): string {
  const long = `--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;
  return spec.short ? `-${spec.short}, ${long}` : `    ${long}`;
}

function optionLines(specs: OptionSpec[]): string[] {
  const width = Math.max(...specs.map((spec) => optionLabel(spec).length));
  return specs.map((spec) => `  ${optionLabel(spec).padEnd(width)}  ${spec.description}`);
}

export function topLevelHelp(version: string): string {
  const nameWidth = Math.max(...SUBCOMMANDS.map((command) => command.name.length));
  return [
    `fnmon ${version} — a live, loss-proof monitor for DigitalOcean Functions activations`,
    '',
    'Usage:',
    `  ${MONITOR.usage}`,
    '  fnmon <command> [options]',
    '',
    'Commands:',
    ...SUBCOMMANDS.map((command) => `  ${command.name.padEnd(nameWidth)}  ${command.summary}`),
    '',
    'Options:',
    ...optionLines([...MONITOR.options, ...GLOBAL_OPTIONS]),
    '',
    "Run 'fnmon <command> --help' for a command's options.",
    '',
  ].join('\n');
}

export function commandHelp(name: string): string {
  const command = findSubcommand(name);
  if (!command) return '';
  return [
    `fnmon ${command.name} — ${command.summary}`,
    '',
    'Usage:',
    `  ${command.usage}`,
    '',
    'Options:',
    ...optionLines([...command.options, GLOBAL_OPTIONS[0]!]),
    '',
  ].join('\n');
}
