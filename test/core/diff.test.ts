import { describe, expect, it } from 'vitest';
import { diffActivations } from '../../src/core/diff.js';
import { act } from './insight-activations.js';

const full = { full: true };

describe('diffActivations', () => {
  it('compares function, status, duration, version and start, marking what changed', () => {
    const diff = diffActivations(
      act({ ...full, version: '0.0.7', duration: 357, cold: true, result: {} }),
      act({ ...full, version: '0.0.8', duration: 357, status: 'app-error', result: {} }),
    );
    expect(diff.fields).toEqual([
      { label: 'Function', left: 'billing/charge', right: 'billing/charge', changed: false },
      { label: 'Status', left: 'success', right: 'app error', changed: true },
      { label: 'Duration', left: '357ms', right: '357ms', changed: false },
      { label: 'Version', left: '0.0.7', right: '0.0.8', changed: true },
      { label: 'Start', left: 'cold', right: 'warm', changed: true },
    ]);
  });

  it('aligns the results as pretty JSON lines', () => {
    const diff = diffActivations(
      act({ ...full, result: { body: { chargeId: 'ch_1', amount: 5 } } }),
      act({ ...full, result: { body: { chargeId: 'ch_2', amount: 5 } } }),
    );
    expect(diff.result).toEqual([
      { kind: 'same', left: '{', right: '{' },
      { kind: 'same', left: '  "body": {', right: '  "body": {' },
      { kind: 'changed', left: '    "chargeId": "ch_1",', right: '    "chargeId": "ch_2",' },
      { kind: 'same', left: '    "amount": 5', right: '    "amount": 5' },
      { kind: 'same', left: '  }', right: '  }' },
      { kind: 'same', left: '}', right: '}' },
    ]);
  });

  it('compares log lines without their timestamps', () => {
    const diff = diffActivations(
      act({ ...full, logs: ['2024-01-01T00:00:00.1Z stdout: charging', '2024-01-01T00:00:00.2Z stdout: done'] }),
      act({ ...full, logs: ['2024-02-02T09:09:09.9Z stdout: charging', '2024-02-02T09:09:10.0Z stderr: declined'] }),
    );
    expect(diff.logs).toEqual([
      { kind: 'same', left: 'stdout: charging', right: 'stdout: charging' },
      { kind: 'changed', left: 'stdout: done', right: 'stderr: declined' },
    ]);
  });

  it('says when a side is only a summary, so the view can fetch it first', () => {
    const summary = act({ full: false, result: undefined, logs: undefined });
    const diff = diffActivations(summary, act({ ...full, result: { ok: true }, logs: [] }));
    expect(diff.left).toMatchObject({ id: summary.id, full: false });
    expect(diff.result[0]).toEqual({ kind: 'changed', left: '(not fetched)', right: '{' });
  });

  it('sanitises everything it shows', () => {
    const diff = diffActivations(
      act({ ...full, fn: 'evil\x1b[2J', logs: ['\x1b]52;c;aGk=\x07copied'] }),
      act({ ...full, logs: [] }),
    );
    const text = JSON.stringify(diff);
    expect(text).not.toContain('\\u001b');
    expect(diff.fields[0]!.left).toBe('evil');
  });
});
