import { describe, expect, it } from 'vitest';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import { buildSequenceTree, componentIds, timingBar } from '../../src/core/sequence-tree.js';
import { loadFixture } from './activation-fixtures.js';
import { act } from './insight-activations.js';

const composition = normaliseActivation(loadFixture('openwhisk-docs-2.json'))!;
const [first, second, third, fourth, fifth] = componentIds(composition) as [string, string, string, string, string];
const START = composition.start; // 1516379705819, ends 1984 ms later

function component(id: string, offset: number, length: number, overrides: Partial<Activation> = {}): Activation {
  return act({
    id,
    start: START + offset,
    end: START + offset + length,
    duration: length,
    cause: composition.id,
    ...overrides,
  });
}

function lookupOf(...known: Activation[]): (id: string) => Activation | undefined {
  const byId = new Map(known.map((activation) => [activation.id, activation]));
  return (id) => byId.get(id);
}

describe('buildSequenceTree', () => {
  it('reads the component ids of the composition fixture in order', () => {
    expect(componentIds(composition)).toEqual([
      '3624ad829d4044afa4ad829d40e4af60',
      'a1f58ade9b1e4c26b58ade9b1e4c2614',
      '47cb5aa5e4504f818b5aa5e450ef810f',
      'eaec119273d94087ac119273d90087d0',
      'fd89b99a90a1462a89b99a90a1d62a8e',
    ]);
  });

  it('lists every component as missing until the caller has its record', () => {
    const tree = buildSequenceTree(composition, () => undefined);
    expect(tree.rows.map((row) => [row.depth, row.id])).toEqual([
      [0, composition.id],
      [1, first],
      [1, second],
      [1, third],
      [1, fourth],
      [1, fifth],
    ]);
    expect(tree.missingIds).toEqual([first, second, third, fourth, fifth]);
    expect(tree.rows[0]).toMatchObject({ offset: 0, width: 1, offsetMs: 0 });
    expect(tree.rows[1]).toMatchObject({ activation: undefined, offset: 0, width: 0 });
  });

  it('places each known component on the span of the composition', () => {
    const tree = buildSequenceTree(
      composition,
      lookupOf(component(first, 0, 496), component(second, 496, 992), component(fifth, 1488, 496)),
    );
    expect(tree.start).toBe(START);
    expect(tree.end).toBe(START + 1984);
    const bars = tree.rows.map((row) => [row.offset, row.width]);
    expect(bars).toEqual([
      [0, 1],
      [0, 0.25],
      [0.25, 0.5],
      [0, 0],
      [0, 0],
      [0.75, 0.25],
    ]);
    expect(tree.rows[2]!.offsetMs).toBe(496);
    expect(tree.missingIds).toEqual([third, fourth]);
  });

  it('widens the axis when a component ends after its parent', () => {
    const tree = buildSequenceTree(composition, lookupOf(component(first, 992, 2976)));
    expect(tree.end).toBe(START + 3968);
    expect(tree.rows[0]!.width).toBe(0.5);
    expect(tree.rows[1]).toMatchObject({ offset: 0.25, width: 0.75 });
  });

  it('expands a component that is itself a sequence, one level deeper', () => {
    const inner = 'ab'.repeat(16);
    const nested = component(first, 0, 1000, { isSequence: true, kind: 'sequence', logs: [inner] });
    const tree = buildSequenceTree(composition, lookupOf(nested, component(inner, 100, 800)));
    expect(tree.rows.slice(0, 3).map((row) => [row.depth, row.id])).toEqual([
      [0, composition.id],
      [1, first],
      [2, inner],
    ]);
  });

  it('stops at a cycle in hostile data', () => {
    const looping = component(first, 0, 10, { isSequence: true, kind: 'sequence', logs: [composition.id, first] });
    const tree = buildSequenceTree(composition, lookupOf(looping));
    expect(tree.rows.filter((row) => row.id === first)).toHaveLength(1);
    expect(tree.rows.filter((row) => row.id === composition.id)).toHaveLength(1);
  });

  it('skips log lines that are not activation ids', () => {
    const odd = { ...composition, logs: ['hello', ` ${first} `, '<script>'] };
    expect(componentIds(odd)).toEqual([first]);
  });
});

describe('timingBar', () => {
  it('fills the cells of the bar and pads the rest to the exact width', () => {
    expect(timingBar(0.25, 0.5, 8)).toBe('  ████  ');
    expect(timingBar(0, 1, 4, { ascii: true })).toBe('####');
  });

  it('gives anything that ran at least one cell, inside the width', () => {
    expect(timingBar(0.5, 0, 10)).toBe('     █    ');
    expect(timingBar(1, 0, 10)).toBe('         █');
    expect(timingBar(0, 0, 0)).toBe('');
  });
});
