// User remapping: config.yaml's `keys: {commandId: [key, ...]}` replaces a command's keys.
// Bad entries never stop the monitor: they are skipped and reported as warnings.
import { COMMANDS, type Command, type CommandId } from './keymap.js';
import { isValidKeyName } from './key-names.js';

export type KeymapOverrides = Readonly<Record<string, readonly string[]>>;

export interface ResolvedKeymap {
  commands: readonly Command[];
  warnings: string[];
}

export function resolveKeymap(overrides: KeymapOverrides = {}, base: readonly Command[] = COMMANDS): ResolvedKeymap {
  const warnings: string[] = [];
  const replacements = new Map<CommandId, readonly string[]>();
  for (const [id, keys] of Object.entries(overrides)) {
    const command = base.find((candidate) => candidate.id === id);
    if (!command) {
      warnings.push(`keys: unknown command '${id}'`);
      continue;
    }
    const invalid = keys.filter((key) => !isValidKeyName(key));
    if (invalid.length > 0) warnings.push(`keys.${id}: cannot bind ${invalid.map((key) => `'${key}'`).join(', ')}`);
    const valid = keys.filter(isValidKeyName);
    if (valid.length > 0) replacements.set(command.id, valid);
  }
  const commands = base.map((command) => {
    const keys = replacements.get(command.id);
    return keys ? { ...command, keys } : command;
  });
  return { commands, warnings };
}
