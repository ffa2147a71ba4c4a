// Forwarded logs in the monitor, over a real ForwardedLogs fed by scripted sources: badged lines in
// the log pane, the what-to-configure hint, entries without a record in the list, each source's
// health in the header, and a frame that stays terminal-safe and exactly the terminal's size.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivationStore } from '../../src/core/store.js';
import { FakeClock, ScriptedSource, failure, line } from '../core/forwarded/fixtures.js';
import { expectFits, listRows, open, selectedRow } from './app-helpers.js';
import { fullRecord, generatedRecords, hexId } from './data.js';
import { forwardedLogs, forwardingRecord, forwardingRig, NOTICE } from './forwarded-rig.js';
import { KEYS, frame, frameLines, press, tick, type, until } from './render-helpers.js';

afterEach(cleanup);

const HOOK = hexId(9001);
const WEB = hexId(9002);

/** A stream with a forwarding api/webhook activation (newest) among others. */
function withWebhook(rig: ReturnType<typeof forwardingRig>, now = Date.now()) {
  rig.service.addRaw(generatedRecords(20, now - 5000));
  rig.service.addRaw([forwardingRecord(HOOK, 'api/webhook', now - 1000)]);
}

const logPane = (shown: string) => shown.slice(shown.indexOf('Logs ·'));
/** The base64 payload of each OSC 52 clipboard write. */
const OSC52_PAYLOAD = new RegExp(`${String.fromCharCode(27)}\\]52;c;([A-Za-z0-9+/=]+)`, 'g');

describe('the log pane with forwarded lines', () => {
  it('shows them under the record notice with their source badge, live, with the timestamp toggle', async () => {
    const rig = forwardingRig(['papertrail', 'datadog']);
    const now = Date.now();
    withWebhook(rig, now);
    const [papertrail, datadog] = rig.sources;
    papertrail!.respond({ lines: [line(HOOK, 'received push event', now - 990)], more: false });
    datadog!.respond({ lines: [line(HOOK, 'queued job_1', now - 980)], more: false });
    await rig.forwarded.pollOnce();
    const app = await open(rig.service);
    await press(app, 'l');
    await until(app, (shown) => shown.includes('queued job_1'));
    const pane = logPane(frame(app));
    expect(pane).toContain(NOTICE.slice(0, 40));
    expect(pane).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[papertrail\] received push event$/m);
    expect(pane).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \[datadog\] {4}queued job_1$/m);
    expect(pane).not.toContain('hint: this function forwards its logs');

    // Lines that arrive later show up without a key press.
    papertrail!.respond({ lines: [line(HOOK, 'done in 12ms', now - 900)], more: false });
    await rig.forwarded.pollOnce();
    await until(app, (shown) => shown.includes('done in 12ms'));
    expect(frame(app)).toContain('[papertrail] done in 12ms');

    await press(app, 'T');
    expect(logPane(frame(app))).toMatch(/^\[papertrail\] received push event$/m);
  });

  it('wraps long forwarded lines with w and highlights filter matches', async () => {
    const rig = forwardingRig();
    withWebhook(rig);
    const long = `webhook payload ${'x'.repeat(150)} tail-end`;
    rig.sources[0]!.respond({ lines: [line(HOOK, long, Date.now() - 990)], more: false });
    await rig.forwarded.pollOnce();
    const app = await open(rig.service, [120, 40]);
    await press(app, 'l');
    await until(app, (shown) => shown.includes('payload'));
    expect(frame(app)).not.toContain('tail-end');
    await press(app, 'w');
    await until(app, (shown) => shown.includes('tail-end'));
    expectFits(app, 120, 40);

    await press(app, KEYS.esc, '/');
    await type(app, 'webhook');
    await press(app, KEYS.enter, 'l');
    await until(app, (shown) => shown.includes('[papertrail]'));
    // The highlight's style is checked in forwarded-view.test.ts: here the filter keeps the row.
    expect(frame(app)).toContain('[papertrail] webhook payload');
  });

  it('says exactly what to configure when the logs were forwarded but no read credential is set', async () => {
    const rig = forwardingRig([]);
    withWebhook(rig);
    const app = await open(rig.service, [120, 40]);
    await press(app, 'l');
    await until(app, (shown) => shown.includes('PAPERTRAIL_API_TOKEN'));
    const hint = rig.forwarded.hintFor({ fn: 'api/webhook', logs: [`2024-01-01T00:00:00Z stdout: ${NOTICE}`] });
    expect(hint).toBeDefined();
    const squeeze = (text: string) => text.replace(/\s+/g, ' ');
    expect(squeeze(logPane(frame(app)))).toContain(squeeze(hint!));
    // Lines that fit the pane are shown as they are.
    for (const hintLine of hint!.split('\n').filter((text) => text.length <= 120))
      expect(frameLines(app)).toContain(hintLine);
  });

  it('says the lines are still to come while a readable destination has none yet', async () => {
    const rig = forwardingRig();
    withWebhook(rig);
    await rig.forwarded.pollOnce();
    const app = await open(rig.service);
    await press(app, 'l');
    await until(app, (shown) => shown.includes('no lines read back yet'));
    expect(logPane(frame(app))).toContain('↳ its output is forwarded (LOG_DESTINATIONS)');
  });
});

describe('entries without an activation record', () => {
  async function withOrphan() {
    const rig = forwardingRig();
    withWebhook(rig);
    rig.sources[0]!.respond({
      lines: [line(WEB, 'web call received', Date.now() - 500), line(WEB, 'replied 204', Date.now() - 400)],
      more: false,
    });
    await rig.orphanAfterGrace();
    return rig;
  }

  /** The monitor filtered to api/webhook: its record and, on top, the entry without one. */
  async function openFilteredToWebhook(rig: Awaited<ReturnType<typeof withOrphan>>) {
    const app = await open(rig.service);
    await press(app, '/');
    await type(app, 'fn:api/webhook');
    await press(app, KEYS.enter);
    await until(app, (shown) => listRows(app).length === 2 && shown.includes('∅ no record'));
    return app;
  }

  it('appear in the list, marked, with the function from their lines, and count as shown', async () => {
    const rig = await withOrphan();
    const app = await open(rig.service);
    await until(app, (shown) => shown.includes('∅ no record'));
    const row = listRows(app).find((text) => text.includes('∅ no record'));
    expect(row).toMatch(/^[› ] (now|\ds ago)\s+∅ no record api\/webhook\s+–/);
    expect(frame(app)).toContain(`${rig.service.store.size + 1}/${rig.service.store.size + 1} shown`);
  });

  it('are selectable: the detail says what they are and the log pane shows their lines', async () => {
    const rig = await withOrphan();
    const app = await openFilteredToWebhook(rig);
    // Newest first: the entry (its first line is newer than the record's start) is on top.
    expect(selectedRow(app)).toContain('∅ no record');
    await press(app, KEYS.enter);
    await until(app, (shown) => shown.includes('∅ no activation record'));
    expect(frame(app)).toContain(`id         ${WEB}`);
    expect(frame(app)).toContain('2 forwarded, read from papertrail');
    expect(frame(app)).not.toContain('"activationId"');
    await press(app, 'l');
    await until(app, (shown) => shown.includes('[papertrail] replied 204'));
    expect(logPane(frame(app))).toContain('no activation record: these forwarded lines are all there is');
    expect(rig.service.fetchFullCalls).not.toContain(WEB);
  });

  it('copy as what they are: a forwarded log entry, not a record', async () => {
    const rig = await withOrphan();
    const app = await openFilteredToWebhook(rig);
    expect(selectedRow(app)).toContain('∅ no record');
    await press(app, 'Y');
    await until(app, (shown) => shown.includes('copied the forwarded log entry (it has no activation record)'));
    const copied = app.stdout.frames
      .flatMap((written) => [...written.matchAll(OSC52_PAYLOAD)])
      .map((match) => Buffer.from(match[1]!, 'base64').toString('utf8'));
    expect(copied).toHaveLength(1);
    expect(JSON.parse(copied[0]!)).toMatchObject({ activationId: WEB, function: 'api/webhook' });
  });

  it('follow the filter by text and function, and stay out of status filters', async () => {
    const rig = await withOrphan();
    const app = await open(rig.service);
    await press(app, '/');
    await type(app, 'replied');
    await press(app, KEYS.enter);
    await until(app, () => listRows(app).length === 1);
    expect(listRows(app)[0]).toContain('∅ no record');
    await press(app, KEYS.esc);
    await tick(60);
    await press(app, 'e');
    await until(app, (shown) => shown.includes('errors only'));
    expect(frame(app)).not.toContain('∅ no record');
  });

  it('give way to the record when the stream delivers it after all', async () => {
    const rig = await withOrphan();
    const app = await open(rig.service);
    await until(app, (shown) => shown.includes('∅ no record'));
    rig.service.addRaw([fullRecord({ id: WEB, fn: 'api/webhook', start: Date.now() - 600 })]);
    await until(app, (shown) => !shown.includes('∅ no record'));
    expect(listRows(app).some((row) => row.includes('api/webhook') && row.includes('success'))).toBe(true);
  });

  it('stay in the list while paused', async () => {
    const rig = await withOrphan();
    const app = await open(rig.service);
    await until(app, (shown) => shown.includes('∅ no record'));
    await press(app, ' ');
    await until(app, (shown) => shown.includes('paused'));
    expect(frame(app)).toContain('∅ no record');
  });
});

describe('source health in the header', () => {
  it('shows each source’s state, and the ones in trouble first when room is short', async () => {
    const rig = forwardingRig(['papertrail', 'betterstack']);
    withWebhook(rig);
    rig.sources[1]!.respond(failure('auth', 'authentication failed: check the Better Stack token'));
    await rig.forwarded.pollOnce();
    const wide = await open(rig.service, [120, 40]);
    expect(frameLines(wide)[1]).toMatch(/papertrail ●( live)? +betterstack ✗ auth$/);
    expect(frameLines(wide)[0]).toContain('● live');
    wide.unmount();
    const narrow = await open(rig.service, [80, 24]);
    expect(frameLines(narrow)[1]).toMatch(/betterstack ✗ auth$/);
    expectFits(narrow, 80, 24);
  });

  it('follows a namespace switch to the new forwarded logs', async () => {
    const rig = forwardingRig();
    withWebhook(rig);
    await rig.forwarded.pollOnce();
    const app = await open(rig.service);
    expect(frameLines(app)[1]).toContain('papertrail');
    // What a switch does: a fresh store and fresh forwarded logs, then a health change re-renders.
    const clock = new FakeClock(Date.now());
    const sources = [new ScriptedSource('datadog')];
    const next = forwardedLogs(sources, clock);
    rig.service.store = new ActivationStore();
    rig.service.forwarded = next;
    rig.service.addRaw([forwardingRecord(HOOK, 'api/webhook', Date.now())]);
    rig.service.setHealth(rig.service.health());
    sources[0]!.respond({ lines: [line(HOOK, 'from the new namespace', Date.now())], more: false });
    await next.pollOnce();
    await press(app, 'l');
    await until(app, (shown) => shown.includes('from the new namespace'));
    expect(frame(app)).toContain('[datadog] from the new namespace');
    expect(frameLines(app)[1]).toContain('datadog');
    expect(frameLines(app)[1]).not.toContain('papertrail');
  });
});

describe('terminal safety and size with forwarded logs', () => {
  async function hostileRig() {
    const rig = forwardingRig(['papertrail', 'datadog']);
    withWebhook(rig);
    const hostile = 'x \x1b[2Jcleared \x1b]52;c;aGk=\x07 \u202eevil \x1b[?1049l\u009b31m end';
    rig.sources[0]!.respond({ lines: [line(HOOK, hostile, Date.now() - 990)], more: false });
    rig.sources[1]!.respond({
      lines: [line(WEB, `web ${hostile}`, Date.now() - 500, 'evil/\x1b]0;owned\x07name')],
      more: false,
    });
    await rig.orphanAfterGrace();
    return rig;
  }

  it('never lets escape sequences from forwarded lines or their function path reach the terminal', async () => {
    const app = await open((await hostileRig()).service, [200, 60]);
    // Newest first: the entry without a record, then the record whose lines went to papertrail.
    await until(app, (shown) => shown.includes('∅ no record evil/'));
    await press(app, 'l', 'w');
    await until(app, (shown) => shown.includes('[datadog] web x'));
    expect(frame(app)).toContain('cleared');
    await press(app, KEYS.esc, 'j', 'l', 'T');
    await until(app, (shown) => shown.includes('[papertrail] x'));
    expect(frame(app)).toContain('cleared');
    const everything = app.stdout.frames.join('');
    for (const hostile of ['\x1b]0;', '\x1b[2J', '\x1b]52', '\u009b', '\u202e', '\x1b[?1049l', '\x07'])
      expect(everything).not.toContain(hostile);
  });

  it('fills the terminal exactly in every view', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [120, 40],
    ] as const) {
      const app = await open((await hostileRig()).service, [columns, rows]);
      for (const keys of [[], ['l'], ['w'], ['T'], [KEYS.esc, 'j', KEYS.enter], ['l'], ['w'], [KEYS.esc, ' ']]) {
        await press(app, ...keys);
        await tick(60);
        expectFits(app, columns, rows);
      }
      app.unmount();
    }
  });
});
