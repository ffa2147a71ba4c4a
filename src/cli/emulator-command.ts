// `fnmon emulator`: validates the flags, starts the emulator, prints one JSON line with the
// connection details on stdout, and runs until SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import type { ParsedCommand } from './args.js';
import type { CliIO } from './run.js';
import { parseDurationMs, parseFaults, parseRecords, startEmulator, type EmulatorOptions } from '../emulator/index.js';

type FlagResult = { options: EmulatorOptions } | { error: string };

function stringFlag(values: ParsedCommand['options'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function readLoadFile(path: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--load cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  try {
    return parseRecords(text);
  } catch (error) {
    throw new Error(`--load '${path}': ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Each flag -> an EmulatorOptions field, or the one-line complaint about it. */
function optionsFrom(values: ParsedCommand['options']): FlagResult {
  const options: EmulatorOptions = { traffic: values['no-traffic'] !== true };
  const flag = (name: string) => stringFlag(values, name);
  const bad = (name: string, expected: string) => ({ error: `--${name} must be ${expected} (got '${flag(name)}')` });

  const host = flag('host');
  if (host !== undefined) {
    if (host.trim() === '') return bad('host', 'an address such as 127.0.0.1');
    options.host = host;
  }
  const port = flag('port');
  if (port !== undefined) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) return bad('port', 'an integer from 0 to 65535');
    options.port = Number(port);
  }
  const seed = flag('seed');
  if (seed !== undefined) {
    if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) return bad('seed', 'an integer');
    options.seed = Number(seed);
  }
  const rate = flag('rate');
  if (rate !== undefined) {
    const value = /^\d*\.?\d+$/.test(rate.trim()) ? Number(rate) : Number.NaN;
    if (!(value > 0)) return bad('rate', 'a positive number');
    options.rate = value;
  }
  const burst = flag('burst');
  if (burst !== undefined) {
    const match = /^(\d+)@(.+)$/.exec(burst);
    const everyMs = match ? parseDurationMs(match[2] ?? '') : undefined;
    if (!match || Number(match[1]) < 1 || everyMs === undefined) return bad('burst', 'N@EVERY, e.g. 500@20s');
    options.burst = { count: Number(match[1]), everyMs };
  }
  const maxDuration = flag('max-duration');
  if (maxDuration !== undefined) {
    const value = parseDurationMs(maxDuration);
    if (value === undefined) return bad('max-duration', 'a duration such as 500ms, 20s or 5m');
    options.maxDurationMs = value;
  }
  const faults = flag('faults');
  if (faults !== undefined) {
    try {
      parseFaults(faults);
    } catch (error) {
      return { error: `--faults: ${error instanceof Error ? error.message : String(error)}` };
    }
    options.faults = faults;
  }
  const load = flag('load');
  if (load !== undefined) {
    try {
      options.load = readLoadFile(load);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
  const record = flag('record');
  if (record !== undefined) options.recordFile = record;
  return { options };
}

/** Listens for SIGINT/SIGTERM from now on (a signal during start-up still stops cleanly). */
function listenForStop(): { stopped: Promise<NodeJS.Signals>; cancel: () => void } {
  let stop: (signal: NodeJS.Signals) => void = () => {};
  const cancel = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    stop = (signal) => {
      cancel();
      resolve(signal);
    };
  });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { stopped, cancel };
}

export async function emulatorCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const flags = optionsFrom(command.options);
  if ('error' in flags) {
    io.stderr.write(`fnmon emulator: ${flags.error}\n`);
    return 2;
  }
  const { options } = flags;
  const { stopped, cancel } = listenForStop();
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    cancel();
    io.stderr.write(`fnmon emulator: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const { apihost, auth, namespace, doApi, doToken, logSources } = emulator;
  io.stdout.write(`${JSON.stringify({ apihost, auth, namespace, doApi, doToken, logSources })}\n`);
  const traffic = options.traffic === false ? 'no traffic' : `${options.rate ?? 2} activations/s`;
  io.stderr.write(
    `fnmon emulator: serving ${namespace} at ${apihost} (seed ${options.seed ?? 1}, ${traffic}); stop with Ctrl-C\n`,
  );
  const signal = await stopped;
  await emulator.close();
  io.stderr.write(`fnmon emulator: stopped (${signal})\n`);
  return 0;
}
