// `fnmon` with a terminal: the interactive monitor, on a namespace or (--demo) on a built-in
// emulator started in-process on a free loopback port. Without credentials it shows a screen
// that says so (exit 1).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenWhiskClient } from '../api/openwhisk.js';
import { ConfigError, loadConfig, type Config } from '../config/config-file.js';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { runMonitor, runNoCredentials } from '../tui/index.js';
import type { ParsedCommand } from './args.js';
import { connect, connectionFlags } from './connect.js';
import { restoreTerminalOnCrash, scheduleTestCrash } from './crash.js';
import { emulatorLogSourceEnv, loadForwardingInputs, type ForwardingInputs } from './forwarded-wiring.js';
import { demoClockInstant, startClockAt, stillLifeEmulator } from './demo-clock.js';
import { createMonitorService } from './monitor-service.js';
import {
  monitorTarget,
  namespaceDirectory,
  placeOf,
  type ExtraNamespace,
  type OpenedNamespace,
} from './namespace-directory.js';
import { UsageFailure, durationOption, flagOption, positiveIntegerOption, stringOption } from './options.js';
import { EXIT, type CliIO } from './run.js';

/** Demo traffic: lively enough to watch, slow enough to read. */
const DEMO_RATE = 3;

interface Opened {
  first: OpenedNamespace;
  config?: Config;
  emulator?: RunningEmulator;
  /** Namespaces beyond those of the credential sources: the demo's own. */
  extras: ExtraNamespace[];
}

export async function monitorCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  if (!io.stdout.isTTY) {
    io.stderr.write("fnmon: the monitor needs a terminal; use 'fnmon tail' for pipes\n");
    return EXIT.usage;
  }
  const opened = flagOption(command.options, 'demo') ? await openDemo(command, io) : await openNamespace(command, io);
  if ('error' in opened) {
    await whileAttached((signal) => runNoCredentials(opened.error, { signal }));
    return EXIT.failure;
  }
  const { first, config, emulator } = opened;
  const forwarding = await forwardingFor(command, io, config, emulator);
  const service = createMonitorService(first.client, {
    target: first.target,
    place: first.place,
    readOnly: flagOption(command.options, 'read-only'),
    pollMs: durationOption(command.options, 'poll'),
    env: io.env,
    // The demo's re-invocations are not the person's: keep them out of their real history (but not
    // those of a real namespace the person switches to from the demo).
    ...(emulator && {
      demo: { apihost: emulator.apihost, env: { ...io.env, XDG_STATE_HOME: join(tmpdir(), 'fnmon-demo-state') } },
    }),
    projectDir: stringOption(command.options, 'project'),
    namespaces: namespaceDirectory(io.env, connectionFlags(command), opened.extras),
    forwarding,
  });
  try {
    await whileAttached((signal) =>
      runMonitor(service, {
        signal,
        ...(config && { keymapOverrides: config.keys, preferences: config.ui }),
      }),
    );
    return EXIT.ok;
  } finally {
    await service.close();
    await emulator?.close();
  }
}

/**
 * Runs a full-screen view until it ends or a signal arrives: every way a terminal session ends must
 * leave the alternate screen, and unmounting Ink (on abort) does that.
 */
async function whileAttached(view: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const closing = new AbortController();
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  const onSignal = () => {
    closing.abort();
    // A signal means "stop now": if closing connections hangs (a dead terminal, a stuck socket),
    // do not linger as an orphan that keeps polling.
    setTimeout(() => process.exit(EXIT.ok), 3000).unref();
  };
  for (const signal of signals) process.on(signal, onSignal);
  // A crash (main.ts) aborts too, so the terminal is restored before the error is printed.
  const stopRestoring = restoreTerminalOnCrash(() => closing.abort());
  const stopTestCrash = scheduleTestCrash(process.env);
  try {
    await view(closing.signal);
  } finally {
    stopTestCrash();
    stopRestoring();
    for (const signal of signals) process.off(signal, onSignal);
  }
}

/** Forwarded-log read credentials: the demo's own destinations, else the context's and the environment's. */
async function forwardingFor(
  command: ParsedCommand,
  io: CliIO,
  config: Config | undefined,
  emulator: RunningEmulator | undefined,
): Promise<ForwardingInputs> {
  const projectDir = stringOption(command.options, 'project');
  const env = emulator ? emulatorLogSourceEnv(emulator.logSources) : io.env;
  const inputs = await loadForwardingInputs(env, emulator ? undefined : config, connectionFlags(command), {
    path: projectDir ?? process.cwd(),
    explicit: projectDir !== undefined,
  });
  for (const warning of inputs.warnings) io.stderr.write(`fnmon: ${warning}\n`);
  return inputs;
}

async function openNamespace(command: ParsedCommand, io: CliIO): Promise<Opened | { error: string }> {
  const connection = await connect(command, io, 0);
  if ('error' in connection) return connection;
  const { client, target, config } = connection;
  return {
    first: { client, target: monitorTarget(target), place: placeOf(target) },
    extras: [],
    ...(config && { config }),
  };
}

async function openDemo(command: ParsedCommand, io: CliIO): Promise<Opened> {
  const config = personalConfig(io);
  const stillAt = demoClockInstant(io.env);
  if (stillAt !== undefined) startClockAt(stillAt);
  const emulator = await startEmulator({
    seed: positiveIntegerOption(command.options, 'seed') ?? 1,
    rate: DEMO_RATE,
    ...(stillAt !== undefined && stillLifeEmulator(stillAt)),
  });
  const demo: ExtraNamespace = {
    option: {
      key: 'demo',
      label: `demo · ${emulator.namespace}`,
      namespace: emulator.namespace,
      apiHost: new URL(emulator.apihost).host,
      source: 'the built-in demo emulator',
    },
    place: { apihost: emulator.apihost },
    open: () => ({
      client: new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 }),
      // Its loopback port changes every run and is of no use to a person: name what it is instead.
      target: { namespaceLabel: `demo · ${emulator.namespace}`, apiHost: 'built-in emulator' },
      place: { apihost: emulator.apihost },
    }),
  };
  return { first: demo.open(), emulator, extras: [demo], ...(config && { config }) };
}

/** The demo has no connection to resolve, but the person's key remaps and preferences still apply. */
function personalConfig(io: CliIO): Config | undefined {
  try {
    return loadConfig(io.env, (warning) => io.stderr.write(`fnmon: ${warning}\n`));
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageFailure(error.message);
    throw error;
  }
}
