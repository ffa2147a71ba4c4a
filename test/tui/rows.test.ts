// Lazy rows: a pane over thousands of lines builds only the rows it shows, and reads like an array.
import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import { jsonLines, jsonRows } from '../../src/tui/view/json-lines.js';
import { layoutLines, layoutRows, logRows } from '../../src/tui/view/log-lines.js';
import { concatRows, lazyRows, mapRows } from '../../src/tui/view/rows.js';
import { segment, type StyledLine } from '../../src/tui/view/styled-line.js';
import { fullRecord, hexId } from './data.js';

const text = (line: StyledLine) => line.map((part) => part.text).join('');
const line = (value: string): StyledLine => [segment(value)];

function counted(length: number) {
  const built: number[] = [];
  const rows = lazyRows(length, (index) => {
    built.push(index);
    return line(`row ${index}`);
  });
  return { rows, built };
}

describe('lazy rows', () => {
  it('build only the rows asked for, once each', () => {
    const { rows, built } = counted(5000);
    expect(rows.length).toBe(5000);
    const first = rows.slice(10, 13);
    expect(first.map(text)).toEqual(['row 10', 'row 11', 'row 12']);
    expect(rows.slice(10, 13)[0]).toBe(first[0]);
    expect(rows.at(4999)).toEqual(line('row 4999'));
    expect(built).toEqual([10, 11, 12, 4999]);
  });

  it('slice like an array', () => {
    const array = Array.from({ length: 7 }, (_, index) => line(`row ${index}`));
    const rows = lazyRows(7, (index) => array[index]!);
    for (const [start, end] of [
      [0, 7],
      [2, 100],
      [5, 3],
      [-3, undefined],
      [0, -2],
      [undefined, undefined],
    ] as const)
      expect(rows.slice(start, end)).toEqual(array.slice(start, end));
    expect(rows.at(7)).toBeUndefined();
    expect(rows.at(-1)).toBeUndefined();
  });

  it('concatenate and map without building what is not shown', () => {
    const { rows, built } = counted(1000);
    const all = concatRows([[line('head')], [], rows, [line('tail')]]);
    expect(all.length).toBe(1002);
    expect(all.slice(0, 2).map(text)).toEqual(['head', 'row 0']);
    expect(all.at(1001)).toEqual(line('tail'));
    expect(
      mapRows(all, (row) => [segment(`${text(row)}!`)])
        .slice(500, 501)
        .map(text),
    ).toEqual(['row 499!']);
    expect(built).toEqual([0, 499]);
  });
});

describe('lazy panes', () => {
  it("lay out a record's long logs array in JSON exactly as JSON.stringify does", () => {
    const value = { a: [1, 'two', null], logs: Array.from({ length: 300 }, (_, i) => `line ${i} "q"`), z: {} };
    expect(jsonRows(value).slice().map(text)).toEqual(JSON.stringify(value, null, 2).split('\n'));
    expect(jsonLines([Array.from({ length: 100 }, (_, i) => i)]).map(text)).toEqual(
      JSON.stringify([Array.from({ length: 100 }, (_, i) => i)], null, 2).split('\n'),
    );
  });

  it('place the forwarding hint and forwarded rows after the notice, deep in a long log', () => {
    const record = normaliseActivation(fullRecord({ id: hexId(9), fn: 'a', start: 1 }))!;
    const notice =
      '2024-01-01T00:00:00.1Z stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.';
    const logs = [...Array.from({ length: 400 }, (_, i) => `plain ${i}`), notice, 'after'];
    const options = { timestamps: false, highlight: () => [], lookup: () => undefined };
    const shown = logRows(record, logs, { ...options, forwarded: [line('[papertrail] hello')] })
      .slice(399)
      .map(text);
    expect(shown).toEqual([
      'plain 399',
      expect.stringContaining('Logs will be written'),
      '[papertrail] hello',
      'after',
    ]);
  });

  it('cut rows as the eager layout does, and wrap the same', () => {
    const lines = [line('x'.repeat(25)), line('short')];
    expect(layoutRows(lines, 10, false).slice()).toEqual(layoutLines(lines, 10, false));
    expect(layoutRows(lines, 10, true, 2).slice()).toEqual(layoutLines(lines, 10, true, 2));
  });
});
