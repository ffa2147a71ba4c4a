// The `/` filter bar and `:` command line: the text being typed, then a feedback line — where and
// why a filter does not parse (the last valid one stays in force), or the keys and what matches.
import { Box } from 'ink';
import { displayWidth, sanitize } from '../../core/logline.js';
import type { BarItem } from '../key-lookup.js';
import { COLON_COMMANDS_HINT } from '../state/command-line.js';
import type { Prompt } from '../state/prompt.js';
import { fitLine, lineWidth, segment, type Segment } from '../view/styled-line.js';
import { fitItems, keySegments } from './BottomBar.js';
import { Line } from './Line.js';

export const PROMPT_HEIGHT = 2;

export interface PromptLineProps {
  prompt: Prompt;
  items: readonly BarItem[];
  /** Activations the filter in force shows. */
  shown: number;
  width: number;
}

export function PromptLine({ prompt, items, shown, width }: PromptLineProps) {
  const sigil = prompt.kind === 'filter' ? '/' : ':';
  const text = sanitize(prompt.text);
  const input: Segment[] = [
    segment(`${sigil} `, { bold: true, color: 'cyan' }),
    segment(text),
    segment(' ', { inverse: true }),
  ];
  return (
    <Box flexDirection="column" width={width} height={PROMPT_HEIGHT}>
      <Line line={fitLine(input, width)} />
      <Line line={fitLine(feedback(prompt, items, shown, width), width)} />
    </Box>
  );
}

function feedback(prompt: Prompt, items: readonly BarItem[], shown: number, width: number): Segment[] {
  if (prompt.error) {
    // A caret under the offending character: the sigil and space take two columns.
    const caret = 2 + displayWidth(sanitize(prompt.text.slice(0, prompt.error.position)));
    return [
      segment(' '.repeat(caret)),
      segment(`^ ${sanitize(prompt.error.message)}`, { color: 'red', bold: true }),
      segment('  (last valid filter still applies)', { dim: true }),
    ];
  }
  const status =
    prompt.kind === 'filter'
      ? segment(`  ${shown} match`, { color: 'green' })
      : segment(`  ${COLON_COMMANDS_HINT}`, { dim: true });
  return [status, segment(' '), ...keySegments(fitItems(items, Math.max(0, width - lineWidth([status]) - 1)))];
}
