// One terminal line from styled segments. Callers fit the segments to the width first; the
// truncate wrap mode is only a guard, so a line can never spill onto a second row.
import { Text } from 'ink';
import type { StyledLine } from '../view/styled-line.js';

export function Line({ line }: { line: StyledLine }) {
  return (
    <Text wrap="truncate-end">
      {line.length === 0
        ? ' '
        : line.map((part, index) => (
            <Text
              key={index}
              color={part.color}
              bold={part.bold}
              dimColor={part.dim}
              inverse={part.inverse}
              underline={part.underline}
            >
              {part.text}
            </Text>
          ))}
    </Text>
  );
}
