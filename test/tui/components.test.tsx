// Each view on its own, at fixed sizes: pure props in, exactly the promised lines out.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { normaliseActivation, type Activation } from '../../src/core/activation.js';
import { displayWidth } from '../../src/core/logline.js';
import { ActivationList } from '../../src/tui/components/ActivationList.js';
import { BottomBar } from '../../src/tui/components/BottomBar.js';
import { FunctionPicker } from '../../src/tui/components/FunctionPicker.js';
import { Header } from '../../src/tui/components/Header.js';
import { HelpOverlay } from '../../src/tui/components/HelpOverlay.js';
import { PromptLine } from '../../src/tui/components/PromptLine.js';
import { ScrollPane } from '../../src/tui/components/ScrollPane.js';
import { TooSmall } from '../../src/tui/components/TooSmall.js';
import { barItems, displayKeys } from '../../src/tui/key-lookup.js';
import { COMMANDS } from '../../src/tui/keymap.js';
import { INITIAL_FILTER, withText } from '../../src/tui/state/filter-state.js';
import { openPicker, withListedNames } from '../../src/tui/state/picker-state.js';
import { helpEntryText } from '../../src/tui/view/help-lines.js';
import { segment } from '../../src/tui/view/styled-line.js';
import { LIVE } from './fake-service.js';
import { fullRecord, generatedRecords, hexId } from './data.js';
import { setSize, tick } from './render-helpers.js';

afterEach(cleanup);

const NOW = Date.UTC(2024, 0, 1, 12);
const noRanges = () => [];

function activations(count: number): Activation[] {
  return generatedRecords(count, NOW).map((record) => normaliseActivation(record)!);
}

function lines(frame: string | undefined): string[] {
  return (frame ?? '').split('\n');
}

/** Every line fits the width; the frame has exactly `height` lines. */
function expectBox(frame: string | undefined, width: number, height: number): void {
  const all = lines(frame);
  expect(all).toHaveLength(height);
  for (const line of all) expect(displayWidth(line)).toBeLessThanOrEqual(width);
}

describe('ActivationList', () => {
  const list = activations(10_000);
  const props = {
    list,
    width: 90,
    height: 12,
    focused: true,
    timeFormat: 'relative' as const,
    now: NOW,
    highlight: noRanges,
    emptyText: 'waiting',
  };

  it('mounts only the rows that fit, with the selection marked', () => {
    const { lastFrame } = render(<ActivationList {...props} selected={5000} row={4} />);
    expectBox(lastFrame(), 90, 12);
    const rows = lines(lastFrame()).slice(2);
    expect(rows).toHaveLength(10);
    expect(rows[4]).toMatch(/^› /);
    expect(rows[4]).toContain(list[5000]!.id.slice(0, 8));
    expect(rows.filter((row) => row.startsWith('›'))).toHaveLength(1);
    expect(lines(lastFrame())[0]).toContain('5001/10000');
  });

  it('clamps the window at the end of the list', () => {
    const { lastFrame } = render(<ActivationList {...props} selected={9999} row={0} />);
    const rows = lines(lastFrame()).slice(2);
    expect(rows.at(-1)).toMatch(/^› /);
  });

  it('says why it is empty', () => {
    const { lastFrame } = render(
      <ActivationList {...props} list={[]} selected={0} row={0} emptyText="waiting for activations…" />,
    );
    expect(lastFrame()).toContain('waiting for activations…');
  });

  it('highlights filter matches in the function column', () => {
    const filter = withText(INITIAL_FILTER, 'refund').state.filter;
    const highlight = (text: string) =>
      filter.highlighters.flatMap((regex) =>
        [...text.matchAll(regex)].map((m) => [m.index, m.index + m[0].length] as const),
      );
    const { lastFrame } = render(
      <ActivationList {...props} list={list.slice(0, 3)} selected={0} row={0} highlight={highlight} />,
    );
    expect(lastFrame()).toContain('billing/refund');
  });
});

describe('Header', () => {
  const base = {
    target: { namespaceLabel: 'prod', apiHost: 'faas.example.com' },
    follow: true,
    shown: 10,
    total: 20,
    failures: 3,
    filter: INITIAL_FILTER,
    now: NOW,
    width: 120,
  };

  it('shows where, the feed state and the counts', () => {
    const { lastFrame } = render(<Header {...base} health={LIVE} />);
    expectBox(lastFrame(), 120, 2);
    expect(lastFrame()).toMatch(/prod.*● live.*10\/20 shown.*✗ 3 failed.*faas\.example\.com/);
    expect(lastFrame()).toContain('following newest');
  });

  it('counts down while backing off and shows the reason of an error', () => {
    const backingOff = {
      ...LIVE,
      state: 'backing-off' as const,
      nextPollAt: NOW + 4200,
      lastError: { message: 'HTTP 429 rate limited', at: NOW },
    };
    expect(render(<Header {...base} health={backingOff} />).lastFrame()).toContain(
      'backing off — retry in 5s (HTTP 429 rate limited)',
    );
    const failing = {
      ...LIVE,
      state: 'error' as const,
      lastError: { kind: 'auth', message: 'the token was rejected', at: NOW },
    };
    expect(render(<Header {...base} health={failing} />).lastFrame()).toContain('✗ error: the token was rejected');
  });

  it('shows the UI pause with the number of new arrivals, and the filter in force', () => {
    const filter = { ...withText(INITIAL_FILTER, 'fn:billing/*').state, status: 'failed' as const };
    const { lastFrame } = render(<Header {...base} health={LIVE} newWhilePaused={7} filter={filter} follow={false} />);
    expect(lastFrame()).toContain('⏸ paused (7 new');
    expect(lastFrame()).toContain('filter fn:billing/* · errors only');
  });
});

describe('ScrollPane', () => {
  it('shows a window of its rows and where it is', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [segment(`line ${i}`)]);
    const { lastFrame } = render(<ScrollPane title="Detail" rows={rows} top={40} width={50} height={6} focused />);
    expectBox(lastFrame(), 50, 6);
    expect(lines(lastFrame())[0]).toContain('41-45/100');
    expect(lines(lastFrame()).slice(1)).toEqual(['line 40', 'line 41', 'line 42', 'line 43', 'line 44']);
  });

  it('shows the placeholder instead of rows', () => {
    const { lastFrame } = render(
      <ScrollPane
        title="Logs"
        rows={[]}
        top={0}
        width={40}
        height={4}
        focused={false}
        placeholder={[segment('no activation selected')]}
      />,
    );
    expect(lastFrame()).toContain('no activation selected');
  });
});

describe('PromptLine', () => {
  it('points at the part of the filter that does not parse', () => {
    const prompt = {
      kind: 'filter' as const,
      text: 'fn:a status:nope',
      error: { message: "unknown status 'nope'", position: 12 },
    };
    const { lastFrame } = render(<PromptLine prompt={prompt} items={[]} shown={4} width={80} />);
    const [input, feedback] = lines(lastFrame());
    expect(input).toContain('/ fn:a status:nope');
    expect(feedback?.indexOf('^')).toBe(input!.indexOf('nope'));
    expect(feedback).toContain("unknown status 'nope'");
  });

  it('shows how many match while the filter is valid', () => {
    const items = barItems(COMMANDS, { mode: 'filter', focus: 'list' });
    const { lastFrame } = render(
      <PromptLine prompt={{ kind: 'filter', text: 'fn:a' }} items={items} shown={4} width={100} />,
    );
    expect(lastFrame()).toContain('4 match');
    expect(lastFrame()).toContain('Enter keep');
  });
});

describe('generated from the keymap', () => {
  it('the help overlay lists every command with its keys and description', async () => {
    const instance = render(<HelpOverlay commands={COMMANDS} top={0} width={140} height={200} />);
    setSize(instance, 140, 210);
    await tick();
    const shown = lines(instance.lastFrame()).map((line) => line.trimEnd());
    for (const command of COMMANDS) expect(shown, command.id).toContain(helpEntryText(command).trimEnd());
    const commandLines = shown.filter((line) => COMMANDS.some((command) => line === helpEntryText(command).trimEnd()));
    expect(commandLines).toHaveLength(COMMANDS.length);
  });

  it('the help overlay follows remapped keys', () => {
    const remapped = COMMANDS.map((command) => (command.id === 'pause' ? { ...command, keys: ['p'] } : command));
    const { lastFrame } = render(<HelpOverlay commands={remapped} top={0} width={140} height={80} />);
    expect(lastFrame()).toMatch(/\n {2}p {20}pause \/ resume/);
    expect(displayKeys(['p'])).toBe('p');
  });

  it('the bottom bar lists exactly the bar commands of the focused pane', () => {
    for (const focus of ['list', 'detail', 'logs'] as const) {
      const items = barItems(COMMANDS, { mode: 'normal', focus });
      const expected = COMMANDS.filter(
        (command) =>
          command.bar &&
          command.modes.includes('normal') &&
          (!command.focus || command.focus.includes(focus)) &&
          (!command.bar.focus || command.bar.focus.includes(focus)),
      );
      expect(items.map((item) => item.id)).toEqual(expected.map((command) => command.id));
      const { lastFrame } = render(<BottomBar items={items} width={100} />);
      const bar = lastFrame()!
        .trim()
        .split(/\s{2,}/);
      expect(bar).toEqual(items.map((item) => `${item.keys} ${item.label}`));
    }
  });

  it('the bottom bar shows a status message instead while it is fresh', () => {
    const { lastFrame } = render(
      <BottomBar
        items={barItems(COMMANDS, { mode: 'normal', focus: 'list' })}
        message={{ text: 'saved 3 activations to /tmp/x.jsonl', tone: 'info', serial: 1 }}
        width={80}
      />,
    );
    expect(lastFrame()).toContain('✓ saved 3 activations to /tmp/x.jsonl');
  });
});

describe('FunctionPicker', () => {
  it('lists seen and listed functions with checkboxes', () => {
    let picker = openPicker(['sample/hello', 'billing/charge'], new Set(['billing/charge']));
    picker = withListedNames(picker, ['never/ran', 'billing/charge']);
    const { lastFrame } = render(<FunctionPicker picker={picker} width={60} height={8} />);
    expectBox(lastFrame(), 60, 8);
    expect(lines(lastFrame()).slice(2, 5)).toEqual([
      expect.stringMatching(/^› \[x\] billing\/charge/),
      expect.stringMatching(/^ {2}\[ \] never\/ran/),
      expect.stringMatching(/^ {2}\[ \] sample\/hello/),
    ]);
    expect(lastFrame()).toContain('1 checked');
  });

  it('says while the namespace is being listed and when that failed', () => {
    const loading = openPicker(['a'], new Set());
    expect(render(<FunctionPicker picker={loading} width={60} height={6} />).lastFrame()).toContain(
      "listing the namespace's functions…",
    );
    const failed = { ...loading, loading: false, error: 'HTTP 503' };
    expect(render(<FunctionPicker picker={failed} width={80} height={6} />).lastFrame()).toContain(
      'could not list the namespace',
    );
  });
});

it('TooSmall says what size is needed', () => {
  const { lastFrame } = render(<TooSmall columns={50} rows={10} />);
  expect(lastFrame()).toContain('50x10; it needs at least 60x15.');
});

it('a hostile function name never reaches the frame raw', () => {
  const hostile = normaliseActivation(fullRecord({ id: hexId(7), fn: 'x/\x1b]0;owned\x07\x1b[2Jname', start: NOW }))!;
  const { lastFrame } = render(
    <ActivationList
      list={[hostile]}
      selected={0}
      row={0}
      width={80}
      height={4}
      focused
      timeFormat="relative"
      now={NOW}
      highlight={noRanges}
      emptyText=""
    />,
  );
  expect(lastFrame()).not.toContain('\x1b]0;');
  expect(lastFrame()).not.toContain('\x1b[2J');
  expect(lastFrame()).toContain('x/name');
});
