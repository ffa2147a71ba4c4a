// Two lists of lines aligned side by side: equal lines face each other, and between them the lines
// that differ are paired up as "changed" (left and right), the rest shown on one side only.
// Alignment is a longest common subsequence after trimming the common start and end; past
// MAX_ALIGNED_LINES differing lines per side the middle is paired by position instead (bounded cost).

export type DiffRowKind = 'same' | 'changed' | 'removed' | 'added';

export interface DiffRow {
  kind: DiffRowKind;
  /** Absent for 'added'. */
  left?: string;
  /** Absent for 'removed'. */
  right?: string;
}

const MAX_ALIGNED_LINES = 1000;

type Step = 'same' | 'left' | 'right';

export function diffLines(left: readonly string[], right: readonly string[]): DiffRow[] {
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) head += 1;
  let tail = 0;
  while (tail < left.length - head && tail < right.length - head && left.at(-1 - tail) === right.at(-1 - tail))
    tail += 1;
  const leftMiddle = left.slice(head, left.length - tail);
  const rightMiddle = right.slice(head, right.length - tail);
  const aligned =
    leftMiddle.length <= MAX_ALIGNED_LINES && rightMiddle.length <= MAX_ALIGNED_LINES
      ? lcsSteps(leftMiddle, rightMiddle)
      : positionalSteps(leftMiddle.length, rightMiddle.length);
  const steps: Step[] = [...Array<Step>(head).fill('same'), ...aligned, ...Array<Step>(tail).fill('same')];
  return toRows(steps, left, right);
}

/** Classic dynamic programme over the suffixes, then a walk that prefers keeping lines in step. */
function lcsSteps(left: readonly string[], right: readonly string[]): Step[] {
  const columns = right.length + 1;
  const lengths = new Uint16Array((left.length + 1) * columns);
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      lengths[i * columns + j] =
        left[i] === right[j]
          ? lengths[(i + 1) * columns + j + 1]! + 1
          : Math.max(lengths[(i + 1) * columns + j]!, lengths[i * columns + j + 1]!);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i < left.length && j < right.length && left[i] === right[j]) {
      steps.push('same');
      i += 1;
      j += 1;
    } else if (
      j >= right.length ||
      (i < left.length && lengths[(i + 1) * columns + j]! >= lengths[i * columns + j + 1]!)
    ) {
      steps.push('left');
      i += 1;
    } else {
      steps.push('right');
      j += 1;
    }
  }
  return steps;
}

function positionalSteps(leftCount: number, rightCount: number): Step[] {
  return [...Array<Step>(leftCount).fill('left'), ...Array<Step>(rightCount).fill('right')];
}

/** Between two equal lines, the i-th left-only line pairs with the i-th right-only line. */
function toRows(steps: readonly Step[], left: readonly string[], right: readonly string[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let step = 0;
  while (step < steps.length) {
    if (steps[step] === 'same') {
      rows.push({ kind: 'same', left: left[i++]!, right: right[j++]! });
      step += 1;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    for (; step < steps.length && steps[step] !== 'same'; step++) {
      if (steps[step] === 'left') removed.push(left[i++]!);
      else added.push(right[j++]!);
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++) rows.push(pairRow(removed[k], added[k]));
  }
  return rows;
}

function pairRow(left: string | undefined, right: string | undefined): DiffRow {
  if (left === undefined) return { kind: 'added', right };
  if (right === undefined) return { kind: 'removed', left };
  return { kind: 'changed', left, right };
}
