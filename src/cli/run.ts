// Dispatch: parse argv, route to the command's handler, turn failures into exit codes.
import { parseArgv, type ParsedCommand } from './args.js';
import { commandHelp, topLevelHelp } from './help.js';
import { VERSION } from '../version.js';
import { sanitize } from '../core/sanitize.js';
import { isApiError } from '../api/errors.js';
import { UsageFailure } from './options.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export type Handler = (command: ParsedCommand, io: CliIO) => Promise<number>;

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

// Each command's code is loaded only when it runs (the build splits them into chunks): `--version`
// need not load the TUI, and nothing needs what it does not use (bench/: startup).
const HANDLERS: Record<string, () => Promise<Handler>> = {
  monitor: async () => (await import('./monitor-command.js')).monitorCommand,
  tail: async () => (await import('./tail-command.js')).tailCommand,
  get: async () => (await import('./record-commands.js')).getCommand,
  logs: async () => (await import('./record-commands.js')).logsCommand,
  invoke: async () => (await import('./invoke-command.js')).invokeCommand,
  stats: async () => (await import('./stats-command.js')).statsCommand,
  emulator: async () => (await import('./emulator-command.js')).emulatorCommand,
  doctor: async () => (await import('./doctor-command.js')).doctorCommand,
};

export async function run(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgv(argv);
  switch (parsed.kind) {
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    case 'help':
      io.stdout.write(parsed.command ? commandHelp(parsed.command) : topLevelHelp(VERSION));
      return EXIT.ok;
    case 'usage-error':
      io.stderr.write(`fnmon: ${sanitize(parsed.message)}\n${parsed.hint}\n`);
      return EXIT.usage;
    case 'command': {
      // Without a terminal, the default command is the plain-text tail.
      const name = parsed.command === 'monitor' && !io.stdout.isTTY && !parsed.options.demo ? 'tail' : parsed.command;
      const load = HANDLERS[name];
      if (!load) throw new Error(`no handler for ${name}`);
      return runHandler(await load(), { ...parsed, command: name }, io);
    }
  }
}

/** Failures a person can fix become one line (what they typed is quoted safely) and an exit code, never a stack trace. */
async function runHandler(handler: Handler, command: ParsedCommand, io: CliIO): Promise<number> {
  try {
    return await handler(command, io);
  } catch (error) {
    if (error instanceof UsageFailure || (isApiError(error) && error.kind === 'usage')) {
      io.stderr.write(`fnmon ${command.command}: ${sanitize(error.message)}\n`);
      return EXIT.usage;
    }
    if (isApiError(error)) {
      io.stderr.write(`fnmon ${command.command}: ${sanitize(error.message)}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
