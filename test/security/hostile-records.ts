// Activation records a hostile or broken function could make the API serve: what its logs and
// result may hold (fully under its control), names with odd characters (only through deployment,
// tested anyway), mistyped fields and printed record shapes. Served through the emulator's `load`
// option so they travel through the real client, exactly as given.
//
// Every payload that a terminal would act on carries PAYLOAD_MARKER right after its introducer,
// so a scan can tell the function's sequences from fnmon's own.

export const PAYLOAD_MARKER = 'pwned';

/** Escape sequences of every kind a terminal acts on, 7-bit and 8-bit forms. */
export const ESCAPES: Readonly<Record<string, string>> = {
  'OSC 0 title (BEL)': `\x1b]0;${PAYLOAD_MARKER}-title\x07`,
  'OSC 2 title (ST)': `\x1b]2;${PAYLOAD_MARKER}-title\x1b\\`,
  'OSC 52 clipboard': `\x1b]52;c;${Buffer.from(`${PAYLOAD_MARKER} rm -rf ~`).toString('base64')}\x07`,
  'OSC 8 hyperlink': `\x1b]8;;https://${PAYLOAD_MARKER}.example/\x1b\\click me\x1b]8;;\x1b\\`,
  'CSI clear and home': '\x1b[2J\x1b[3J\x1b[H',
  'CSI cursor moves': '\x1b[10;10H\x1b[5A\x1b[99C\x1b[s\x1b[u',
  'CSI colours': '\x1b[31;1;5mred\x1b[0m',
  'CSI alternate screen off': '\x1b[?1049l\x1b[?25l',
  'DA queries': '\x1b[c\x1b[>c\x1b[=c',
  'DSR cursor report': '\x1b[6n',
  'DECRQSS (DCS)': `\x1bP$q${PAYLOAD_MARKER}\x1b\\`,
  'DCS sixel': `\x1bPq#0;2;0;0;0${PAYLOAD_MARKER}\x1b\\`,
  'APC, PM, SOS': `\x1b_${PAYLOAD_MARKER}\x1b\\\x1b^${PAYLOAD_MARKER}\x1b\\\x1bX${PAYLOAD_MARKER}\x1b\\`,
  'ESC c full reset': '\x1bc',
  'ESC 7 / 8 save-restore': '\x1b7\x1b8',
  '8-bit CSI': '\x9b2J',
  '8-bit OSC': `\x9d0;${PAYLOAD_MARKER}-title\x07`,
  '8-bit DCS': `\x90$q${PAYLOAD_MARKER}\x9c`,
  'unterminated OSC': `\x1b]0;${PAYLOAD_MARKER}-title`,
  'lone ESC': '\x1b',
};

export const CONTROLS: Readonly<Record<string, string>> = {
  'lone CR': 'visible\rhidden',
  backspace: 'abc\b\b\bxyz',
  NUL: 'a\x00b',
  BEL: 'ding\x07',
  DEL: 'a\x7fb',
  'C1 NEL': 'a\x85b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': '\udc00abc',
  'bidi override': 'user\u202etxt.exe',
  'bidi isolate': '\u2066evil\u2069',
  'line separator': 'a\u2028b',
  'vertical tab, form feed': 'a\x0bb\x0cc',
};

export const WIDE = {
  cjk: '漢字の関数名テスト',
  emoji: '👩‍💻🎉🏳️‍🌈',
  combining: `e${'\u0301'.repeat(12)}z${'\u0336'.repeat(5)}`,
  fullwidth: 'ＦＵＬＬＷＩＤＴＨ',
};

export interface HostileRecord {
  label: string;
  record: Record<string, unknown>;
}

const NAMESPACE = 'fn-hostile';

/** 32 lowercase hex digits, distinct per index. */
export function hostileId(index: number): string {
  return `0badc0de${index.toString(16).padStart(24, '0')}`;
}

function logLine(text: string, stream: 'stdout' | 'stderr' = 'stdout'): string {
  return `2024-01-01T00:00:00.000000000Z ${stream}: ${text}`;
}

function nested(depth: number): unknown {
  let value: unknown = { leaf: `${ESCAPES['OSC 0 title (BEL)']}deep` };
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { level: value } : [value];
  return value;
}

/** A well-formed full record for `fn` that the cases below then break. */
function baseRecord(
  index: number,
  start: number,
  fn: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const [pkg, name] = fn.includes('/') ? fn.split('/') : [undefined, fn];
  return {
    namespace: NAMESPACE,
    name,
    version: '0.0.1',
    subject: 'hostile',
    activationId: hostileId(index),
    start,
    end: start + 120,
    duration: 120,
    response: { status: 'success', success: true, result: { ok: true } },
    logs: [logLine('hello')],
    annotations: [
      { key: 'path', value: pkg ? `${NAMESPACE}/${pkg}/${name}` : `${NAMESPACE}/${name}` },
      { key: 'kind', value: 'nodejs:18' },
      { key: 'limits', value: { memory: 256, timeout: 3000, logs: 16, concurrency: 1 } },
      { key: 'waitTime', value: 5 },
    ],
    publish: false,
    ...extra,
  };
}

/** The hostile set; starts are spread over the minute before `now`, newest last. */
export function hostileRecords(now: number): HostileRecord[] {
  const cases: Array<[string, (index: number, start: number) => Record<string, unknown>]> = [
    [
      'escapes in logs',
      (i, s) => baseRecord(i, s, 'hostile/escapes', { logs: Object.values(ESCAPES).map((e) => logLine(`x${e}y`)) }),
    ],
    ['escapes unprefixed in logs', (i, s) => baseRecord(i, s, 'hostile/raw-logs', { logs: Object.values(ESCAPES) })],
    [
      'escapes in the error',
      (i, s) =>
        baseRecord(i, s, 'hostile/error', {
          response: {
            status: 'application error',
            success: false,
            result: { error: Object.values(ESCAPES).join(' ') },
          },
        }),
    ],
    [
      'escapes in result keys and values',
      (i, s) =>
        baseRecord(i, s, 'hostile/result', {
          response: {
            status: 'success',
            success: true,
            result: Object.fromEntries(Object.entries(ESCAPES).map(([label, text]) => [`${text}${label}`, text])),
          },
        }),
    ],
    [
      'controls in logs',
      (i, s) => baseRecord(i, s, 'hostile/controls', { logs: Object.values(CONTROLS).map((c) => logLine(c)) }),
    ],
    [
      'wide and combining',
      (i, s) => baseRecord(i, s, `wide/${WIDE.cjk}`, { logs: Object.values(WIDE).map((w) => logLine(w)) }),
    ],
    ['emoji name', (i, s) => baseRecord(i, s, `wide/${WIDE.emoji}${WIDE.combining}`)],
    ['fullwidth name', (i, s) => baseRecord(i, s, WIDE.fullwidth)],
    ['control characters in the name', (i, s) => baseRecord(i, s, `ctl/\x1b]0;${PAYLOAD_MARKER}-title\x07n\rm\u202e`)],
    [
      'escape in the kind and cause',
      (i, s) => baseRecord(i, s, 'hostile/fields', { cause: `\x1b[2J${PAYLOAD_MARKER}` }),
    ],
    [
      '256 KiB log line',
      (i, s) =>
        baseRecord(i, s, 'big/line', { logs: [logLine(`${'x'.repeat(256 * 1024)}${ESCAPES['OSC 52 clipboard']}`)] }),
    ],
    [
      '20,000 log lines',
      (i, s) =>
        baseRecord(i, s, 'big/lines', {
          logs: Array.from({ length: 20_000 }, (_, n) =>
            logLine(n % 997 === 0 ? `line ${n}${ESCAPES['CSI clear and home']}` : `line ${n}`),
          ),
        }),
    ],
    [
      '500-level nesting',
      (i, s) => baseRecord(i, s, 'big/nested', { response: { status: 'success', success: true, result: nested(500) } }),
    ],
    [
      'logs that are not strings',
      (i, s) =>
        baseRecord(i, s, 'odd/log-types', {
          logs: [42, null, true, { msg: ESCAPES['OSC 0 title (BEL)'] }, ['a'], 'fine'],
        }),
    ],
    [
      'no response',
      (i, s) => {
        const r = baseRecord(i, s, 'odd/no-response');
        delete r.response;
        return r;
      },
    ],
    ['response null', (i, s) => baseRecord(i, s, 'odd/null-response', { response: null })],
    [
      'no logs, no annotations',
      (i, s) => {
        const r = baseRecord(i, s, 'odd/bare');
        delete r.logs;
        delete r.annotations;
        return r;
      },
    ],
    [
      'odd status text',
      (i, s) =>
        baseRecord(i, s, 'odd/status', { response: { status: '\x1b[2Jconstructor', success: 'yes', result: 7 } }),
    ],
    [
      'error that is not a string',
      (i, s) =>
        baseRecord(i, s, 'odd/error-object', {
          response: {
            status: 'application error',
            success: false,
            result: { error: { code: 7, why: ESCAPES['OSC 52 clipboard'] } },
          },
        }),
    ],
    [
      'no end, negative duration',
      (i, s) => {
        const r = baseRecord(i, s, 'odd/times', { duration: -5 });
        delete r.end;
        return r;
      },
    ],
    ['end beyond the calendar', (i, s) => baseRecord(i, s, 'odd/calendar-end', { end: 1e300, duration: 1e300 })],
    ['start beyond the calendar', (i) => baseRecord(i, 9e15, 'odd/calendar-start', { end: 9e15 + 5 })],
    ['huge numbers', (i, s) => baseRecord(i, s, 'odd/numbers', { duration: 1e300, end: s + 1e12 })],
    [
      'annotations as an object',
      (i, s) => baseRecord(i, s, 'odd/annotations', { annotations: { path: `${NAMESPACE}/odd/annotations`, kind: 7 } }),
    ],
    [
      'mistyped name and version',
      (i, s) => baseRecord(i, s, 'odd/types', { name: 42, version: { v: 1 }, namespace: ['x'], cause: 5 }),
    ],
    [
      'odd annotation values',
      (i, s) =>
        baseRecord(i, s, 'odd/annotation-values', {
          annotations: [
            { key: 'path', value: 42 },
            { key: 'limits', value: 'big' },
            { key: 'initTime', value: 'cold' },
            null,
            'text',
          ],
        }),
    ],
    [
      'doctl-printed shape',
      (i, s) =>
        baseRecord(i, s, 'printed/doctl', {
          statusCode: 0,
          response: { status: 'success', statusCode: 0, success: true, result: { body: 'Hello' } },
          annotations: null,
          date: '2024-01-01 00:00:00',
          end: 0,
          duration: 0,
        }),
    ],
    ['non-hex activation id', (i, s) => baseRecord(i, s, 'printed/id', { activationId: `activation-${i}` })],
  ];
  const step = Math.floor(60_000 / cases.length);
  return cases.map(([label, build], index) => ({ label, record: build(index, now - 60_000 + index * step) }));
}
