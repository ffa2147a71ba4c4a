// The screen `fnmon` shows in a terminal when no credential source has a namespace key: the sources
// tried and the fix (the same message the CLI prints), the demo hint, and q to quit.
import { Box, useApp, useInput, useWindowSize } from 'ink';
import { sanitize } from '../../core/logline.js';
import { keyEvents } from '../key-events.js';
import { commandForKey, displayKey } from '../key-lookup.js';
import type { Command } from '../keymap.js';
import { segment, truncateLine, wrapWords, type StyledLine } from '../view/styled-line.js';
import { Line } from './Line.js';

export interface NoCredentialsProps {
  message: string;
  commands: readonly Command[];
}

const DEMO_HINT = 'To look around first, try the demo: fnmon --demo';

export function NoCredentials({ message, commands }: NoCredentialsProps) {
  const { columns, rows } = useWindowSize();
  const { exit } = useApp();
  useInput((input, key) => {
    for (const event of keyEvents(input, key)) {
      const command =
        event.name === undefined ? undefined : commandForKey(commands, event.name, { mode: 'normal', focus: 'list' });
      if (command?.id === 'quit' || command?.id === 'force-quit') exit();
    }
  });
  const quitKey = displayKey(commands.find((command) => command.id === 'quit')?.keys[0] ?? 'ctrl+c');
  const width = Math.max(1, columns - 2);
  const lines: StyledLine[] = [
    [segment('fnmon cannot connect to a namespace yet', { bold: true, color: 'yellow' })],
    [],
    ...message.split('\n').flatMap((text) => wrapWords(sanitize(text), width).map((row) => [segment(row)])),
    [],
    [segment(DEMO_HINT, { color: 'cyan' })],
    [segment(`Press ${quitKey} to quit.`, { dim: true })],
  ];
  return (
    <Box flexDirection="column" width={columns} height={rows} overflow="hidden" paddingLeft={1}>
      {lines.slice(0, Math.max(1, rows)).map((line, index) => (
        <Line key={index} line={truncateLine(line, width)} />
      ))}
    </Box>
  );
}
