// `tail --logs` with forwarded logs, stepped by hand: a forwarding activation waits for one poll
// of every destination, orphans print once as their own entries, late lines as "more", hints once.
import { afterEach, describe, expect, it } from 'vitest';
import { ForwardedTailPrinter } from '../../src/cli/tail-forwarded.js';
import { normaliseActivation } from '../../src/core/activation.js';
import { ForwardedLogs } from '../../src/core/forwarded.js';
import type { DestinationsReading } from '../../src/core/log-destinations.js';
import type { Delivery } from '../../src/core/tail.js';
import type { ForwardedEntry } from '../../src/plain/forwarded.js';
import { FakeClock, NS, ScriptedSource, activationId, line } from '../core/forwarded/fixtures.js';

const NOTICE =
  '2024-01-01T00:00:00.000000000Z stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';

function delivery(id: string, logs: string[], fn = 'api/webhook'): Delivery {
  const record = {
    activationId: id,
    start: 1000,
    end: 1050,
    namespace: NS,
    name: fn.split('/').at(-1),
    response: { status: 'success', success: true, result: {} },
    logs,
    annotations: [{ key: 'path', value: `${NS}/${fn}` }],
  };
  return { activation: normaliseActivation(record)!, record, late: false };
}

const printers: ForwardedTailPrinter[] = [];
afterEach(() => printers.splice(0).forEach((printer) => printer.close()));

function setup(
  options: {
    source?: ScriptedSource;
    destinations?: Map<string, DestinationsReading>;
    sources?: ScriptedSource[];
  } = {},
) {
  const clock = new FakeClock();
  const sources = options.sources ?? [options.source ?? new ScriptedSource()];
  const forwarded = new ForwardedLogs({
    sources,
    clock,
    orphanAfterMs: 5000,
    ...(options.destinations && { destinations: options.destinations }),
  });
  const printed: Array<{ id: string; lines: string[] }> = [];
  const entries: ForwardedEntry[] = [];
  const hints: string[] = [];
  const printer = new ForwardedTailPrinter({
    forwarded,
    printFrom: 0,
    holdMs: 60_000,
    writeActivation: (d, lines) => printed.push({ id: d.activation.id, lines: lines.map((l) => l.message) }),
    writeEntry: (entry) => entries.push(entry),
    hint: (text) => hints.push(text),
  });
  printers.push(printer);
  return { forwarded, clock, printer, printed, entries, hints };
}

describe('ForwardedTailPrinter', () => {
  it('holds a forwarding activation until every destination polled once, then prints it with its lines', async () => {
    const id = activationId(1);
    const source = new ScriptedSource();
    const { forwarded, printer, printed } = setup({ source });
    printer.deliver(delivery(id, [NOTICE]));
    expect(printed).toEqual([]);
    source.respond({ lines: [line(id, 'received push event'), line(id, 'queued job')], more: false });
    await forwarded.pollOnce();
    expect(printed).toEqual([{ id, lines: ['received push event', 'queued job'] }]);
  });

  it('prints other activations at once', () => {
    const { printer, printed } = setup();
    printer.deliver(delivery(activationId(2), ['2024-01-01T00:00:00Z stdout: hi']));
    expect(printed).toEqual([{ id: activationId(2), lines: [] }]);
  });

  it('prints lines that come after their activation as more lines, only the new ones', async () => {
    const id = activationId(3);
    const source = new ScriptedSource();
    const { forwarded, printer, printed, entries } = setup({ source });
    printer.deliver(delivery(id, [NOTICE]));
    source.respond({ lines: [line(id, 'first')], more: false }, { lines: [line(id, 'second')], more: false });
    await forwarded.pollOnce();
    await forwarded.pollOnce();
    expect(printed).toEqual([{ id, lines: ['first'] }]);
    expect(entries).toMatchObject([{ activationId: id, activationRecord: true, fn: 'api/webhook' }]);
    expect(entries[0]?.lines.map((l) => l.message)).toEqual(['second']);
  });

  it('prints lines with no activation record once, as their own entry, after the grace period', async () => {
    const web = activationId(4);
    const source = new ScriptedSource().respond({ lines: [line(web, 'web call')], more: false });
    const { forwarded, clock, entries } = setup({ source });
    await forwarded.pollOnce();
    expect(entries).toEqual([]);
    clock.time += 5000;
    await forwarded.pollOnce();
    await forwarded.pollOnce();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      activationId: web,
      activationRecord: false,
      fn: 'api/webhook',
      functionPath: `/${NS}/api/webhook`,
    });
  });

  it('flushes waiting activations on demand and then counts as drained', async () => {
    const { printer, printed } = setup();
    printer.deliver(delivery(activationId(5), [NOTICE]));
    const drained = printer.drain();
    printer.flush();
    await drained;
    expect(printed.map((p) => p.id)).toEqual([activationId(5)]);
  });

  it('says once per function what to configure when its destination cannot be read', () => {
    const destinations = new Map<string, DestinationsReading>([
      ['billing/refund', { kind: 'destinations', destinations: ['datadog'] }],
    ]);
    const { printer, hints, printed } = setup({ destinations, sources: [] });
    printer.deliver(delivery(activationId(6), [NOTICE], 'billing/refund'));
    printer.deliver(delivery(activationId(7), [NOTICE], 'billing/refund'));
    expect(hints).toHaveLength(1);
    expect(hints[0]).toContain('DD_APP_KEY');
    expect(printed).toHaveLength(2);
  });
});
