// The re-invoke dialog's lines apart from the editor and the result: where each parameter comes
// from, the history, the parse status, warnings, and the lines under it all (wait/async, the
// confirmation prompt). Everything from a function, a file or the person passes through sanitize.
import type { HistoryEntry, ParamSource, SourcedParam } from '../../core/invoke-params.js';
import { sanitize } from '../../core/logline.js';
import type { InvokeDialog } from '../state/invoke-dialog.js';
import { SELECTED_MARK } from '../theme.js';
import { segment, truncateLine, type StyledLine } from './styled-line.js';
import { compactAgo } from './time-format.js';

const SOURCE_LABEL: Readonly<Record<ParamSource, string>> = {
  bound: 'bound',
  project: 'project',
  history: 'history',
  typed: 'typed',
};
const SOURCE_WIDTH = 8;

/** One line per parameter: its source, key and value; bound ones are dim (read-only). */
export function provenanceLines(fields: readonly SourcedParam[], width: number): StyledLine[] {
  if (fields.length === 0) return [truncateLine([segment('no parameters', { dim: true })], width)];
  return fields.map((field) => {
    const bound = field.source === 'bound';
    const line: StyledLine = [
      segment(SOURCE_LABEL[field.source].padEnd(SOURCE_WIDTH), { dim: true, color: bound ? undefined : 'cyan' }),
      segment(`${sanitize(field.key)}: `, { bold: !bound, dim: bound }),
      segment(sanitize(oneLine(field.value)), { dim: bound }),
    ];
    return truncateLine(line, width);
  });
}

export function provenanceTitle(width: number): StyledLine {
  return truncateLine(
    [segment('Where each value comes from', { bold: true }), segment(' (bound: read-only)', { dim: true })],
    width,
  );
}

/** The history list: newest first, one line per entry, the chosen one marked when focused. */
export function historyLines(
  history: readonly HistoryEntry[],
  chosen: { index: number; top: number; rows: number; focused: boolean },
  now: number,
  width: number,
): StyledLine[] {
  if (history.length === 0) return [truncateLine([segment('  nothing sent from fnmon yet', { dim: true })], width)];
  return history.slice(chosen.top, chosen.top + chosen.rows).map((entry, offset) => {
    const current = chosen.focused && chosen.top + offset === chosen.index;
    const line = truncateLine(
      [
        segment(current ? `${SELECTED_MARK} ` : '  ', { color: 'cyan', bold: true }),
        segment(compactAgo(entry.sentAt, now).padEnd(9), { dim: true }),
        segment(sanitize(oneLine(entry.params))),
      ],
      width,
    );
    return current ? line.map((part) => ({ ...part, inverse: true })) : line;
  });
}

export function historyTitle(count: number, focused: boolean, width: number): StyledLine {
  const hint = count === 0 ? '' : focused ? ' — Enter uses one' : ' — Tab to choose';
  return truncateLine(
    [
      segment(`History (${count}, newest first)`, { bold: true, color: focused ? 'cyan' : undefined }),
      segment(hint, { dim: true }),
    ],
    width,
  );
}

export function editorTitle(focused: boolean, width: number): StyledLine {
  return truncateLine(
    [
      segment('Parameters', { bold: true, color: focused ? 'cyan' : undefined }),
      segment(' (YAML or JSON; Enter adds a line)', { dim: true }),
    ],
    width,
  );
}

/** Under the editor: what was parsed, or where and why it does not parse (which blocks sending). */
export function parseStatusLine(dialog: InvokeDialog, width: number): StyledLine {
  const { parsed } = dialog;
  if (!parsed.ok) {
    return truncateLine(
      [
        segment(`✗ line ${parsed.line}, column ${parsed.column}: `, { color: 'red', bold: true }),
        segment(sanitize(parsed.message), { color: 'red' }),
      ],
      width,
    );
  }
  const count = Object.keys(parsed.params).length;
  const what = count === 0 ? 'no parameters' : `${count} parameter${count === 1 ? '' : 's'}`;
  return truncateLine([segment(`✓ ${what}`, { color: 'green' })], width);
}

export function warningLines(warnings: readonly string[], rows: number, width: number): StyledLine[] {
  return warnings.slice(0, rows).map((warning, index) => {
    const more = index === rows - 1 && warnings.length > rows ? ` (+${warnings.length - rows} more)` : '';
    return truncateLine([segment(`⚠ ${sanitize(warning)}${more}`, { color: 'yellow' })], width);
  });
}

/** The two lines at the bottom: wait or not, and what happens next. */
export function footerLines(dialog: InvokeDialog, width: number): StyledLine[] {
  const wait: StyledLine = [
    segment('Wait for the result: ', { dim: true }),
    segment(dialog.blocking ? '● blocking' : '○ blocking', { bold: dialog.blocking }),
    segment('  '),
    segment(dialog.blocking ? '○ async' : '● async', { bold: !dialog.blocking }),
  ];
  return [truncateLine(wait, width), truncateLine(actionLine(dialog), width)];
}

function actionLine(dialog: InvokeDialog): StyledLine {
  const fn = sanitize(dialog.fn);
  switch (dialog.phase) {
    case 'loading':
      return [segment('reading the bound parameters, project.yml and the history…', { color: 'cyan' })];
    case 'editing':
      return dialog.parsed.ok
        ? [segment('^s sends, after a confirmation', { dim: true })]
        : [segment('the parameters do not parse: nothing can be sent', { color: 'red' })];
    case 'confirming': {
      const count = Object.keys(dialog.pending ?? {}).length;
      return [
        segment(
          ` Invoke ${fn}${dialog.blocking ? '' : ' (async)'} with ${count} parameter${count === 1 ? '' : 's'}? `,
          {
            bold: true,
            inverse: true,
            color: 'yellow',
          },
        ),
        segment(' Enter/y to send, Esc to go back', { bold: true }),
      ];
    }
    case 'sending':
      return [
        segment(`sending to ${fn}… ${dialog.blocking ? 'waiting for the result' : ''}`, { color: 'cyan', bold: true }),
      ];
    case 'done':
      return [segment('Enter selects the new activation in the list · e edits and sends again', { dim: true })];
  }
}

/** A value on one line: JSON, whose escapes keep newlines and controls out. */
function oneLine(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
