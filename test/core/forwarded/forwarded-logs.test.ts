// ForwardedLogs as the TUI and tail use it: lines under activations, orphans, adoption, a version
// and listeners, per-source health (with the destinations that cannot be read), and the hints.
import { describe, expect, it } from 'vitest';
import { ForwardedLogs } from '../../../src/core/forwarded.js';
import type { DestinationsReading } from '../../../src/core/log-destinations.js';
import { FakeClock, ScriptedSource, activationId, failure, line } from './fixtures.js';

const A = activationId(1);
const WEB = activationId(2);
const NOTICE =
  '2024-01-01T00:00:00.000000000Z stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';

function setup(options: { destinations?: Map<string, DestinationsReading>; sources?: ScriptedSource[] } = {}) {
  const clock = new FakeClock();
  const sources = options.sources ?? [new ScriptedSource('papertrail')];
  const forwarded = new ForwardedLogs({
    sources,
    orphanAfterMs: 10_000,
    clock,
    random: () => 0.5,
    ...(options.destinations && { destinations: options.destinations }),
  });
  const touched: string[][] = [];
  forwarded.subscribe((ids) => touched.push([...ids]));
  // Stepped by hand: start() would loop on the fake clock.
  const pollAll = () => forwarded.pollOnce();
  return { forwarded, clock, sources, touched, pollAll };
}

describe('ForwardedLogs', () => {
  it('puts each line under its activation and tells listeners which ids changed', async () => {
    const source = new ScriptedSource().respond({
      lines: [line(A, 'received push event'), line(A, 'queued job')],
      more: false,
    });
    const { forwarded, touched, pollAll } = setup({ sources: [source] });
    forwarded.noteActivations([A]);
    const before = forwarded.version;
    await pollAll();
    expect(forwarded.linesFor(A).map((l) => [l.source, l.message])).toEqual([
      ['papertrail', 'received push event'],
      ['papertrail', 'queued job'],
    ]);
    expect(forwarded.version).toBeGreaterThan(before);
    expect(touched).toContainEqual([A]);
  });

  it('turns lines without a record into an orphan entry after the grace period, and adopts them if the record comes', async () => {
    const source = new ScriptedSource().respond({ lines: [line(WEB, 'web call')], more: false });
    const { forwarded, clock, touched, pollAll } = setup({ sources: [source] });
    await pollAll();
    expect(forwarded.orphans()).toEqual([]);
    clock.time += 10_000;
    await pollAll();
    expect(forwarded.orphans().map((entry) => [entry.activationId, entry.fn])).toEqual([[WEB, 'api/webhook']]);
    expect(touched.at(-1)).toEqual([WEB]);
    forwarded.noteActivations([WEB]);
    expect(forwarded.orphans()).toEqual([]);
    expect(forwarded.isOrphan(WEB)).toBe(false);
  });

  it('knows when every source has finished a poll that started after a moment', async () => {
    const { forwarded, clock, pollAll } = setup({
      sources: [new ScriptedSource('papertrail'), new ScriptedSource('datadog')],
    });
    const heldAt = clock.time;
    expect(forwarded.polledSince(heldAt)).toBe(false);
    await pollAll();
    expect(forwarded.polledSince(heldAt)).toBe(true);
    expect(forwarded.polledSince(heldAt + 1)).toBe(false);
  });

  it('waits only for the sources a function forwards to, and never for one that is failing', async () => {
    const destinations = new Map<string, DestinationsReading>([
      ['api/webhook', { kind: 'destinations', destinations: ['papertrail'] }],
    ]);
    const papertrail = new ScriptedSource('papertrail');
    const datadog = new ScriptedSource('datadog');
    const { forwarded, clock } = setup({ destinations, sources: [papertrail, datadog] });
    const ended = clock.time;
    expect(forwarded.polledSince(ended, 'api/webhook')).toBe(false);
    await forwarded.pollOnce();
    expect(forwarded.polledSince(ended, 'api/webhook')).toBe(true);
    expect(forwarded.polledSince(ended + 1, 'api/webhook')).toBe(false);

    clock.time += 1;
    datadog.respond(failure('network', 'down'));
    await forwarded.pollOnce();
    expect(forwarded.sourcesHealth()[1]).toMatchObject({ state: 'backing-off' });
    // Only papertrail matters for api/webhook; for another function, datadog would, but it is failing.
    expect(forwarded.polledSince(ended + 1, 'api/webhook')).toBe(true);
    expect(forwarded.polledSince(ended + 1, 'other/fn')).toBe(true);
    expect(forwarded.polledSince(ended + 2, 'other/fn')).toBe(false);
  });

  it('reports each source’s health on its own, and a failing one does not stop the others', async () => {
    const down = new ScriptedSource('datadog').respond(failure('server', 'datadog failed (503)'));
    const up = new ScriptedSource('papertrail').respond({ lines: [line(A, 'still here')], more: false });
    const { forwarded, pollAll } = setup({ sources: [up, down] });
    await pollAll();
    expect(forwarded.sourcesHealth().map((health) => [health.source, health.state])).toEqual([
      ['papertrail', 'live'],
      ['datadog', 'backing-off'],
    ]);
    expect(forwarded.linesFor(A)).toHaveLength(1);
  });

  it('lists destinations project.yml uses but fnmon cannot read as unconfigured, with what to set', () => {
    const destinations = new Map<string, DestinationsReading>([
      ['billing/charge', { kind: 'destinations', destinations: ['datadog'] }],
    ]);
    const { forwarded } = setup({ destinations });
    const unconfigured = forwarded.sourcesHealth().find((health) => health.source === 'datadog');
    expect(unconfigured).toMatchObject({ state: 'unconfigured', hint: expect.stringContaining('DD_APP_KEY') });
  });

  it('says what to configure for a forwarding function whose destination it cannot read', () => {
    const destinations = new Map<string, DestinationsReading>([
      ['billing/charge', { kind: 'destinations', destinations: ['datadog'] }],
      ['api/webhook', { kind: 'destinations', destinations: ['papertrail'] }],
      ['api/broken', { kind: 'malformed', problem: 'papertrail.token has to be defined' }],
    ]);
    const { forwarded } = setup({ destinations });
    expect(forwarded.hintFor({ fn: 'billing/charge' })).toMatch(
      /^billing\/charge forwards its logs to Datadog \(LOG_DESTINATIONS\)/,
    );
    expect(forwarded.hintFor({ fn: 'billing/charge' })).toContain('DD_API_KEY and DD_APP_KEY');
    expect(forwarded.hintFor({ fn: 'api/webhook' })).toBeUndefined();
    expect(forwarded.hintFor({ fn: 'api/broken' })).toContain('papertrail.token has to be defined');
    expect(forwarded.destinationProblems()).toEqual([
      { fn: 'api/broken', problem: 'papertrail.token has to be defined' },
    ]);
  });

  it('recognises forwarding from the notice line when project.yml says nothing', () => {
    const { forwarded } = setup({ sources: [] });
    expect(forwarded.forwards({ fn: 'x', logs: [NOTICE] })).toBe(true);
    expect(forwarded.forwards({ fn: 'x', logs: ['2024-01-01T00:00:00Z stdout: hello'] })).toBe(false);
    const hint = forwarded.hintFor({ fn: 'x', logs: [NOTICE] }) ?? '';
    expect(hint).toContain('--project DIR');
    for (const variable of ['PAPERTRAIL_API_TOKEN', 'DD_APP_KEY', 'BETTERSTACK_API_TOKEN'])
      expect(hint).toContain(variable);
  });

  it('gives no hint when any source is readable and the destination is unknown', () => {
    const { forwarded } = setup();
    expect(forwarded.hintFor({ fn: 'x', logs: [NOTICE] })).toBeUndefined();
  });
});
