// Shown instead of the monitor when the terminal cannot fit it.
import { Box } from 'ink';
import { MIN_COLUMNS, MIN_ROWS } from '../view/layout.js';
import { segment, truncateLine } from '../view/styled-line.js';
import { Line } from './Line.js';

export function TooSmall({ columns, rows }: { columns: number; rows: number }) {
  const lines = [
    [segment('fnmon: the terminal is too small', { bold: true, color: 'yellow' })],
    [segment(`${columns}x${rows}; it needs at least ${MIN_COLUMNS}x${MIN_ROWS}.`)],
    [segment('Make the window larger, or press q to quit.', { dim: true })],
  ];
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden">
      {lines.slice(0, Math.max(1, rows)).map((line, index) => (
        <Line key={index} line={truncateLine(line, columns)} />
      ))}
    </Box>
  );
}
