// The help overlay: every command from the keymap, scrollable.
import { useMemo } from 'react';
import type { Command } from '../keymap.js';
import { helpLines } from '../view/help-lines.js';
import { ScrollPane } from './ScrollPane.js';

export interface HelpOverlayProps {
  commands: readonly Command[];
  top: number;
  width: number;
  height: number;
}

export function HelpOverlay({ commands, top, width, height }: HelpOverlayProps) {
  const rows = useMemo(() => helpLines(commands, width), [commands, width]);
  return (
    <ScrollPane title="Help — keys (Esc, q or ? closes)" rows={rows} top={top} width={width} height={height} focused />
  );
}
