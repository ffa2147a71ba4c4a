// Status glyphs, words and colours. Every glyph is one column wide and always comes with its word,
// so the list reads the same without colour (NO_COLOR) as with it.
import type { ActivationStatus } from '../core/activation.js';
import type { Color } from './view/styled-line.js';

export interface StatusLook {
  glyph: string;
  word: string;
  color: Color;
}

export const STATUS_LOOK: Readonly<Record<ActivationStatus, StatusLook>> = {
  success: { glyph: '✓', word: 'success', color: 'green' },
  'app-error': { glyph: '✗', word: 'app error', color: 'red' },
  'dev-error': { glyph: '!', word: 'dev error', color: 'magenta' },
  internal: { glyph: '‼', word: 'internal', color: 'yellow' },
  timeout: { glyph: '⏱', word: 'timeout', color: 'yellow' },
};

/** Marks a duration over 80% of the function's time limit. */
export const NEAR_TIMEOUT_MARK = '⚠';
/** Marks an activation fnmon started by re-invoking another (one column wide). */
export const RERUN_MARK = '↻';
/** Marks an activation marked for the diff (m), beside the selection mark. */
export const DIFF_MARK = '*';
/** Marks the selected row, in addition to inverse video (which NO_COLOR terminals still show). */
export const SELECTED_MARK = '›';
/** The colour of anything that matched the filter's words or regexes. */
export const MATCH_STYLE = { color: 'yellow', bold: true, underline: true } as const;
