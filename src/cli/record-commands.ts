// `fnmon get ID` and `fnmon logs ID`: one activation's record or logs, for scripts and quick looks.
import { normaliseActivation, statusLabel } from '../core/activation.js';
import { formatDuration } from '../core/duration.js';
import { parseLogLine, sanitize, sanitizeLines } from '../core/logline.js';
import { jsonLine } from '../plain/json.js';
import type { ParsedCommand } from './args.js';
import { connect, type Connection } from './connect.js';
import { choiceOption } from './options.js';
import { EXIT, type CliIO } from './run.js';

const READ_RETRIES = 2;

async function withConnection(command: ParsedCommand, io: CliIO, action: (connection: Connection) => Promise<void>) {
  const connection = await connect(command, io, READ_RETRIES);
  if ('error' in connection) {
    io.stderr.write(`fnmon: ${connection.error}\n`);
    return EXIT.failure;
  }
  try {
    await action(connection);
    return EXIT.ok;
  } finally {
    await connection.client.close();
  }
}

export async function getCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const output = choiceOption(command.options, 'output', ['text', 'json'], 'text');
  const id = command.positionals[0]!;
  return withConnection(command, io, async ({ client }) => {
    const record = await client.getActivation(id);
    if (output === 'json') {
      io.stdout.write(jsonLine(record));
      return;
    }
    io.stdout.write(`${[...recordHeader(record), '', ...sanitizeLines(JSON.stringify(record, null, 2))].join('\n')}\n`);
  });
}

export async function logsCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const id = command.positionals[0]!;
  return withConnection(command, io, async ({ client }) => {
    const { logs } = await client.getLogs(id);
    for (const line of logs) {
      const parsed = parseLogLine(line);
      const prefix = parsed.time ? `${parsed.time} ${parsed.stream} ` : '';
      io.stdout.write(`${prefix}${sanitize(parsed.message)}\n`);
    }
  });
}

function recordHeader(record: unknown): string[] {
  const activation = normaliseActivation(record);
  if (!activation) return [];
  const lines = [
    `${sanitize(activation.fn)}  ${statusLabel(activation.status)}  ${activation.cold ? 'cold' : 'warm'}`,
    `started ${new Date(activation.start).toISOString()}` +
      (activation.duration !== undefined ? `  took ${formatDuration(activation.duration)}` : '') +
      (activation.timeoutLimit !== undefined ? ` of ${formatDuration(activation.timeoutLimit)} allowed` : ''),
  ];
  if (activation.error !== undefined) lines.push(`error: ${sanitize(activation.error)}`);
  return lines;
}
