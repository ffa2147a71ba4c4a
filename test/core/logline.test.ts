import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  isLogForwardingNotice,
  isPlatformNotice,
  looksLikeActivationId,
  padToWidth,
  parseLogLine,
  sanitize,
  sanitizeLines,
  truncateToWidth,
} from '../../src/core/logline.js';

const ESC = '\x1b';
const BEL = '\x07';

describe('parseLogLine', () => {
  it('splits a nanosecond line with one space', () => {
    expect(parseLogLine('2022-05-13T15:13:11.580825656Z stdout: Hello sammy')).toEqual({
      time: '2022-05-13T15:13:11.580825656Z',
      stream: 'stdout',
      message: 'Hello sammy',
    });
  });

  it('splits a millisecond line padded to 30 characters', () => {
    expect(parseLogLine('2019-10-11T19:08:57.298Z       stderr: boom')).toEqual({
      time: '2019-10-11T19:08:57.298Z',
      stream: 'stderr',
      message: 'boom',
    });
  });

  it('keeps message whitespace after the single separator space, and empty messages', () => {
    expect(parseLogLine('2022-05-13T15:13:11Z stdout:   indented').message).toBe('  indented');
    expect(parseLogLine('2022-05-13T15:13:11Z stdout:')).toEqual({
      time: '2022-05-13T15:13:11Z',
      stream: 'stdout',
      message: '',
    });
  });

  it('keeps embedded line breaks in the message', () => {
    expect(parseLogLine('2022-05-13T15:13:11Z stdout: a\nb').message).toBe('a\nb');
  });

  it('returns non-matching lines verbatim', () => {
    for (const line of ['plain text', '3624ad829d4044afa4ad829d40e4af60', '2022-05-13 stdout: x', '']) {
      expect(parseLogLine(line)).toEqual({ message: line });
    }
  });
});

describe('platform lines', () => {
  it('recognises the platform-added lines and the forwarding notice', () => {
    for (const message of [
      'Logs were truncated because the total bytes size exceeds the limit of 262144 bytes.',
      'There was an issue while collecting your logs. Data might be missing.',
      'The action did not initialize or run as expected. Log data might be missing.',
      'Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.',
      'Failed to flush logs: connection refused',
    ]) {
      expect(isPlatformNotice(message), message).toBe(true);
    }
    expect(isPlatformNotice('hello')).toBe(false);
    expect(isPlatformNotice('Logs were truncated because I said so.')).toBe(false);
  });

  it('singles out the log-forwarding notice', () => {
    const notice = parseLogLine(
      '2024-01-01T00:00:00.1Z stdout: Logs will be written to the specified remote location. Only errors in doing so will be surfaced here.',
    );
    expect(isLogForwardingNotice(notice.message)).toBe(true);
    expect(isLogForwardingNotice('There was an issue while collecting your logs. Data might be missing.')).toBe(false);
  });

  it('recognises component activation ids in sequence logs', () => {
    expect(looksLikeActivationId('3624ad829d4044afa4ad829d40e4af60')).toBe(true);
    expect(looksLikeActivationId('3624AD829D4044AFA4AD829D40E4AF60')).toBe(false);
    expect(looksLikeActivationId('3624ad829d4044afa4ad829d40e4af6')).toBe(false);
    expect(looksLikeActivationId(' 3624ad829d4044afa4ad829d40e4af60')).toBe(false);
  });
});

describe('sanitize: escape sequences', () => {
  it.each([
    ['SGR colours', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['CSI 2J clear screen + home', `${ESC}[2J${ESC}[Hafter`, 'after'],
    ['cursor moves', `a${ESC}[10;20Hb${ESC}[3Ac${ESC}[?25l`, 'abc'],
    ['8-bit CSI', `a\x9b31mb`, 'ab'],
    ['OSC 0 title (BEL)', `${ESC}]0;pwned${BEL}text`, 'text'],
    ['OSC 2 title (ST)', `${ESC}]2;pwned${ESC}\\text`, 'text'],
    ['OSC 52 clipboard write', `${ESC}]52;c;Y3VybCBldmlsLnNo${BEL}x`, 'x'],
    [
      'OSC 8 hyperlink keeps the text, drops the URI',
      `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`,
      'click',
    ],
    ['8-bit OSC with 8-bit ST', `\x9d0;t\x9cx`, 'x'],
    ['DECRQSS query', `${ESC}P$qm${ESC}\\x`, 'x'],
    ['device attributes query', `${ESC}[c${ESC}[>0c${ESC}[6nx`, 'x'],
    ['APC / PM / SOS strings', `${ESC}_apc${ESC}\\${ESC}^pm${ESC}\\${ESC}Xsos${ESC}\\x`, 'x'],
    ['full reset and cursor save', `${ESC}c${ESC}7${ESC}8${ESC}(Bx`, 'x'],
  ])('drops %s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('shows a lone or broken ESC instead of dropping what follows', () => {
    expect(sanitize(`a${ESC}`)).toBe('a␛');
    expect(sanitize(`${ESC}]0;never terminated`)).toBe('␛]0;never terminated');
    expect(sanitize(`${ESC}[31`)).toBe('␛[31');
  });
});

describe('sanitize: control characters', () => {
  it('renders C0 controls as control pictures', () => {
    expect(sanitize('a\x00b')).toBe('a␀b');
    expect(sanitize(`ding${BEL}`)).toBe('ding␇');
    expect(sanitize('abc\b\b\bxyz')).toBe('abc␈␈␈xyz');
    expect(sanitize('\x7f')).toBe('␡');
  });

  it('shows a lone CR and swallows the CR of CRLF', () => {
    expect(sanitize('progress 10%\rprogress 20%')).toBe('progress 10%␍progress 20%');
    expect(sanitize('a\r\nb')).toBe('a⏎b');
  });

  it('marks newlines in single-line output', () => {
    expect(sanitize('one\ntwo')).toBe('one⏎two');
    expect(sanitize('one\u2028two')).toBe('one⏎two');
  });

  it('renders other C1 controls as hex escapes', () => {
    expect(sanitize('a\x85b\x9cc')).toBe('a\\x85b\\x9cc');
  });

  it('expands tabs to the next multiple of 4 columns', () => {
    expect(sanitize('a\tb')).toBe('a   b');
    expect(sanitize('abcd\tb')).toBe('abcd    b');
    expect(sanitize('古\tx')).toBe('古  x');
  });

  it('keeps a mark after a tab from joining the last space into one cluster', () => {
    // ' 🏽' is one grapheme: Ink counts 1 column, terminals 3 (found by the property test).
    const safe = sanitize('\t🏽');
    expect(safe).toBe('    \u200b🏽');
    expect(displayWidth(safe)).toBe(6);
  });

  it('drops bidi overrides, isolates and marks', () => {
    const trojan = 'access = "user\u202e \u2066// admin\u2069 \u2066"';
    const out = sanitize(trojan);
    expect(out).toBe('access = "user // admin "');
    expect(sanitize('a\u200eb\u200fc\u061cd')).toBe('abcd');
  });

  it('replaces lone surrogates and keeps valid pairs', () => {
    expect(sanitize('a\ud800b')).toBe('a\ufffdb');
    expect(sanitize('a\udc00b')).toBe('a\ufffdb');
    expect(sanitize('😀')).toBe('😀');
  });

  it('keeps U+FFFD from invalid UTF-8 and the emoji of a joined sequence', () => {
    const decoded = new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0xfe, 0x62]));
    expect(sanitize(decoded)).toBe('a\ufffd\ufffdb');
    // Split with a zero-width space, so terminals and Ink both count 4 columns (unambiguous-width.ts).
    expect(sanitize('👩\u200d💻')).toBe('👩\u200d\u200b💻');
  });

  it('handles a 256 KiB line', () => {
    const chunk = `${ESC}[31mx${ESC}[0m\x00`;
    const line = chunk.repeat(Math.ceil(262144 / chunk.length));
    const out = sanitize(line);
    expect(out).toBe('x␀'.repeat(Math.ceil(262144 / chunk.length)));
    expect(truncateToWidth(out, 10)).toBe('x␀x␀x␀x␀x…');
  });
});

describe('sanitizeLines', () => {
  it('splits on LF and CRLF before sanitising', () => {
    expect(sanitizeLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c␍d']);
  });

  it('does not add an empty line for one trailing newline', () => {
    expect(sanitizeLines('a\n')).toEqual(['a']);
    expect(sanitizeLines('a\n\n')).toEqual(['a', '']);
    expect(sanitizeLines('')).toEqual(['']);
  });
});

describe('widths', () => {
  it('counts wide and combining characters', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('古池')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('👩\u200d💻')).toBe(2);
  });

  it('truncates to at most the width, ending in an ellipsis', () => {
    expect(truncateToWidth('hello world', 5)).toBe('hell…');
    expect(truncateToWidth('hello', 5)).toBe('hello');
    expect(truncateToWidth('hello', 0)).toBe('');
    expect(truncateToWidth('hello', 1)).toBe('…');
    expect(truncateToWidth('ab古古古', 5)).toBe('ab古…');
    expect(truncateToWidth('古古古', 4)).toBe('古…');
  });

  it('never splits a grapheme', () => {
    expect(truncateToWidth('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
    expect(truncateToWidth('👩\u200d💻👩\u200d💻', 3)).toBe('👩\u200d💻…');
  });

  it('pads to exactly the width, even when a wide character does not fit', () => {
    expect(padToWidth('ab', 4)).toBe('ab  ');
    expect(padToWidth('古古古', 4)).toBe('古… ');
    for (const text of ['', 'abc', '古池や', 'e\u0301x', '👩\u200d💻 hi', 'a'.repeat(100)]) {
      for (const columns of [0, 1, 2, 3, 7]) expect(displayWidth(padToWidth(text, columns))).toBe(columns);
    }
  });
});
