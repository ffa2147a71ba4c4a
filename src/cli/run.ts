// Dispatch: parse argv, route to the command's handler, turn failures into exit codes.
import { parseArgv, type ParsedCommand } from './args.js';
import { commandHelp, topLevelHelp } from './help.js';
import { VERSION } from '../version.js';
import { sanitize } from '../core/sanitize.js';
import { doctorCommand } from './doctor-command.js';
import { emulatorCommand } from './emulator-command.js';
import { isApiError } from '../api/errors.js';
import { UsageFailure } from './options.js';
import { invokeCommand } from './invoke-command.js';
import { monitorCommand } from './monitor-command.js';
import { getCommand, logsCommand } from './record-commands.js';
import { statsCommand } from './stats-command.js';
import { tailCommand } from './tail-command.js';

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export type Handler = (command: ParsedCommand, io: CliIO) => Promise<number>;

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

const HANDLERS: Record<string, Handler> = {
  monitor: monitorCommand,
  tail: tailCommand,
  get: getCommand,
  logs: logsCommand,
  invoke: invokeCommand,
  stats: statsCommand,
  emulator: emulatorCommand,
  doctor: doctorCommand,
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
      const handler = HANDLERS[name];
      if (!handler) throw new Error(`no handler for ${name}`);
      return runHandler(handler, { ...parsed, command: name }, io);
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
