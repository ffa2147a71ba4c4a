// One terminal line from styled segments. Callers fit the segments to the width first; the
// truncate wrap mode is only a guard, so a line can never spill onto a second row. The segments
// become one pre-styled string (view/ansi-line.ts): one <Text> per row keeps a frame cheap.
import { renderToString, Text, useIsScreenReaderEnabled } from 'ink';
import { memo } from 'react';
import { ansiLine } from '../view/ansi-line.js';
import type { StyledLine } from '../view/styled-line.js';

// Whether Ink's <Text> styles emit colour codes (chalk reads FORCE_COLOR and the TTY once, at
// import): asked of Ink itself, once, so rows carry codes exactly when styled <Text> would.
const COLOUR = renderToString(<Text bold>x</Text>) !== 'x';

export const Line = memo(function Line({ line }: { line: StyledLine }) {
  // A screen reader gets Ink's plain text, as <Text> gives it without its style transforms.
  const plain = useIsScreenReaderEnabled();
  return <Text wrap="truncate-end">{line.length === 0 ? ' ' : ansiLine(line, COLOUR && !plain)}</Text>;
});
