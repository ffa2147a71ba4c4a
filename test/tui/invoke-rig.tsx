// The monitor on the REAL monitor service (tail engine + invoke service) against the emulator, with
// one activation of the function under test in the store to re-run. Each rig has its own project
// dir and state dir, so project.yml and the invoke history never leak between tests.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { OpenWhiskClient } from '../../src/api/openwhisk.js';
import { createMonitorService } from '../../src/cli/monitor-service.js';
import { InvokeHistory, defaultHistoryFile } from '../../src/config/invoke-history.js';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import type { MonitorService } from '../../src/core/monitor.js';
import { App } from '../../src/tui/App.js';
import { COMMANDS } from '../../src/tui/keymap.js';
import { SETTLE_MS } from './app-helpers.js';
import { fullRecord, hexId } from './data.js';
import { frame, renderAt, tick, until, type Rendered } from './render-helpers.js';

export interface InvokeRig {
  app: Rendered;
  service: MonitorService;
  /** The activation in the list that `r` re-runs. */
  source: Activation;
  close(): Promise<void>;
}

export interface RigOptions {
  fn?: string;
  size?: [number, number];
  /** project.yml's text, written to the rig's project dir. */
  project?: string;
  /** Parameter sets sent before the monitor opens (oldest first): the history. */
  history?: Record<string, unknown>[];
  editorEnv?: NodeJS.ProcessEnv;
}

const open: InvokeRig[] = [];

/** Where the rig's own client connects (the service closes its client, so each rig gets one). */
export interface Endpoint {
  apihost: string;
  auth: string;
}

export async function invokeRig(endpoint: Endpoint, options: RigOptions = {}): Promise<InvokeRig> {
  const client = new OpenWhiskClient({ apihost: endpoint.apihost, auth: endpoint.auth });
  const fn = options.fn ?? 'sample/hello';
  const dir = await mkdtemp(join(tmpdir(), 'fnmon-tui-invoke-'));
  if (options.project !== undefined) await writeFile(join(dir, 'project.yml'), options.project);
  const env = { XDG_STATE_HOME: join(dir, 'state') };
  const service = createMonitorService(client, {
    target: { namespaceLabel: 'emulated', apiHost: new URL(client.apihost).host },
    readOnly: false,
    pollMs: 50,
    env,
    // Only with a project: an explicit project dir without project.yml is worth a warning.
    ...(options.project !== undefined && { projectDir: dir }),
  });
  const history = new InvokeHistory({
    file: defaultHistoryFile(env),
    warn: (message) => {
      throw new Error(message);
    },
  });
  for (const params of options.history ?? []) await history.record(fn, params);
  const source = normaliseActivation(fullRecord({ id: hexId(4242), fn, start: Date.now() - 1000 }))!;
  service.store.add([source]);
  const [columns, rows] = options.size ?? [120, 40];
  const app = await renderAt(
    <App service={service} commands={COMMANDS} editorEnv={options.editorEnv ?? {}} />,
    columns,
    rows,
  );
  await tick(SETTLE_MS);
  const rig: InvokeRig = {
    app,
    service,
    source,
    close: async () => {
      app.unmount();
      await service.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  open.push(rig);
  return rig;
}

/** Unmounts and closes every rig of the test. */
export async function closeRigs(): Promise<void> {
  cleanup();
  while (open.length > 0) await open.pop()?.close();
}

/** Waits for the dialog to have read the parameters (the editor's title shows). */
export async function untilEditing(app: Rendered): Promise<void> {
  await until(app, (shown) => shown.includes('^s send'));
}

/** Waits for the answer to be in the dialog. */
export async function untilAnswered(app: Rendered): Promise<string> {
  await until(app, (shown) => shown.includes('e edit again'), 10_000);
  return frame(app);
}
