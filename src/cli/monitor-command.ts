// `fnmon` with a terminal: the interactive monitor, on a namespace or (--demo) on a built-in
// emulator started in-process on a free loopback port.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenWhiskClient } from '../api/openwhisk.js';
import { startEmulator, type RunningEmulator } from '../emulator/index.js';
import { runMonitor } from '../tui/index.js';
import type { ParsedCommand } from './args.js';
import { connect } from './connect.js';
import { createMonitorService } from './monitor-service.js';
import { durationOption, flagOption, positiveIntegerOption, stringOption } from './options.js';
import { EXIT, type CliIO } from './run.js';

/** Demo traffic: lively enough to watch, slow enough to read. */
const DEMO_RATE = 3;

export async function monitorCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  if (!io.stdout.isTTY) {
    io.stderr.write("fnmon: the monitor needs a terminal; use 'fnmon tail' for pipes\n");
    return EXIT.usage;
  }
  const pollMs = durationOption(command.options, 'poll');
  const readOnly = flagOption(command.options, 'read-only');
  let emulator: RunningEmulator | undefined;
  let client: OpenWhiskClient;
  let namespaceLabel: string;
  if (flagOption(command.options, 'demo')) {
    emulator = await startEmulator({ seed: positiveIntegerOption(command.options, 'seed') ?? 1, rate: DEMO_RATE });
    client = new OpenWhiskClient({ apihost: emulator.apihost, auth: emulator.auth, retries: 0 });
    namespaceLabel = `demo · ${emulator.namespace}`;
  } else {
    const connection = await connect(command, io, 0);
    if ('error' in connection) {
      io.stderr.write(`fnmon: ${connection.error}\n`);
      return EXIT.failure;
    }
    client = connection.client;
    namespaceLabel = connection.target.namespace ?? 'default namespace';
  }
  const service = createMonitorService(client, {
    target: { namespaceLabel, apiHost: new URL(client.apihost).host },
    readOnly,
    pollMs,
    // The demo's re-invocations are not the person's: keep them out of their real history.
    env: emulator ? { ...io.env, XDG_STATE_HOME: join(tmpdir(), 'fnmon-demo-state') } : io.env,
    projectDir: stringOption(command.options, 'project'),
  });
  // Every way a terminal session ends must leave the alternate screen: unmounting Ink does that.
  const closing = new AbortController();
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  const onSignal = () => closing.abort();
  for (const signal of signals) process.on(signal, onSignal);
  try {
    await runMonitor(service, { signal: closing.signal });
    return EXIT.ok;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    await service.close();
    await emulator?.close();
  }
}
