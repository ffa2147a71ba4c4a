import { describe, expect, it } from 'vitest';
import type { Activation } from '../../src/core/activation.js';
import {
  describeFilter,
  emptyFilter,
  filterFromTailFlags,
  highlightRanges,
  matches,
  parseFilter,
  type Filter,
} from '../../src/core/filter.js';
import { activation } from './activation-fixtures.js';

function parse(text: string): Filter {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`${result.error} at ${result.position}`);
  return result.filter;
}

function errorOf(text: string): { error: string; position: number } {
  const result = parseFilter(text);
  if (result.ok) throw new Error(`'${text}' parsed`);
  return { error: result.error, position: result.position };
}

// billing/charge, app-error, cold, 357 ms, nodejs:18, id 9b1f0c2a…, error 'card declined'
const charge = activation();
const hello: Activation = activation({
  id: 'c15d4bacedfa4bab9d4bacedfa2bcbec',
  name: 'hello',
  package: undefined,
  fn: 'hello',
  status: 'success',
  statusCode: 0,
  cold: false,
  duration: 5,
  kind: 'python:3.11',
  error: undefined,
  logs: ['2022-05-13T15:13:11.580825656Z stdout: Hello sammy'],
});
const slowTimeout: Activation = activation({
  fn: 'jobs/export',
  name: 'export',
  package: 'jobs',
  status: 'timeout',
  duration: 3001,
});
const summary: Activation = activation({ duration: undefined, logs: undefined, error: undefined, kind: undefined });

function which(text: string, list: Activation[] = [charge, hello, slowTimeout]): string[] {
  const filter = parse(text);
  return list.filter((a) => matches(filter, a)).map((a) => a.fn);
}

describe('parseFilter + matches', () => {
  it('matches everything when empty', () => {
    expect(parse('   ')).toBe(emptyFilter);
    expect(which('')).toEqual(['billing/charge', 'hello', 'jobs/export']);
  });

  it('globs fn: against pkg/fn, or against the bare name when the pattern has no /', () => {
    expect(which('fn:billing/*')).toEqual(['billing/charge']);
    expect(which('fn:hello')).toEqual(['hello']);
    expect(which('fn:charge')).toEqual(['billing/charge']);
    expect(which('fn:*/*')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('fn:?ello')).toEqual(['hello']);
    expect(which('fn:BILLING/*')).toEqual(['billing/charge']);
    expect(which('fn:hello|jobs/*')).toEqual(['hello', 'jobs/export']);
    expect(which('fn:billing')).toEqual([]);
  });

  it('matches status words, failed meaning not success, dev-error excluding timeouts', () => {
    expect(which('status:failed')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('status:success')).toEqual(['hello']);
    expect(which('status:app-error|timeout')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('status:dev-error')).toEqual([]);
    expect(which('STATUS:Timeout')).toEqual(['jobs/export']);
  });

  it('matches cold starts', () => {
    expect(which('cold:yes')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('cold:no')).toEqual(['hello']);
  });

  it('compares durations in ms, s and m; unknown durations match no comparison', () => {
    expect(which('dur>500')).toEqual(['jobs/export']);
    expect(which('dur>=357ms')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('dur<0.5s')).toEqual(['billing/charge', 'hello']);
    expect(which('dur=5')).toEqual(['hello']);
    expect(which('dur<=1m')).toEqual(['billing/charge', 'hello', 'jobs/export']);
    expect(which('dur<1m', [summary])).toEqual([]);
    expect(which('!dur<1m', [summary])).toEqual(['billing/charge']);
  });

  it('globs kind: and prefixes id:', () => {
    expect(which('kind:nodejs*')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('kind:python:3.11')).toEqual(['hello']);
    expect(which('kind:*', [summary])).toEqual([]);
    expect(which('id:c15d')).toEqual(['hello']);
    expect(which('id:9B1F')).toEqual(['billing/charge', 'jobs/export']);
  });

  it('negates any term with !', () => {
    expect(which('!status:success')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('!fn:billing/* !cold:no')).toEqual(['jobs/export']);
    expect(which('!sammy')).toEqual(['billing/charge', 'jobs/export']);
  });

  it('searches bare words case-insensitively in function, id, error and logs', () => {
    expect(which('SAMMY')).toEqual(['hello']);
    expect(which('declined')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('export')).toEqual(['jobs/export']);
    expect(which('c15d4bac')).toEqual(['hello']);
    expect(which('1234')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('"card declined"')).toEqual(['billing/charge', 'jobs/export']);
    expect(which('"order 1234" fn:billing/*')).toEqual(['billing/charge']);
  });

  it('treats unknown keys as text, so URLs and log prefixes need no quotes', () => {
    expect(parse('https://example.com').terms).toEqual([
      { field: 'text', text: 'https://example.com', negated: false },
    ]);
    expect(parse('ERROR:').terms[0]).toMatchObject({ field: 'text', text: 'ERROR:' });
  });

  it('matches /regex/ and /regex/i over the same fields', () => {
    expect(which('/Hello s\\w+/')).toEqual(['hello']);
    expect(which('/hello S\\w+/')).toEqual([]);
    expect(which('/hello S\\w+/i')).toEqual(['hello']);
    expect(which('/^billing\\//')).toEqual(['billing/charge']);
    expect(which('/[/]charge/')).toEqual(['billing/charge']);
    expect(which('/card declined/ !cold:yes')).toEqual([]);
  });
});

describe('parseFilter errors', () => {
  it.each([
    ['status:faild', "unknown status 'faild' (expected success, failed, app-error, dev-error, internal, timeout)", 7],
    [
      'fn:x status:ok|faild',
      "unknown status 'ok' (expected success, failed, app-error, dev-error, internal, timeout)",
      12,
    ],
    [
      'status:success|faild',
      "unknown status 'faild' (expected success, failed, app-error, dev-error, internal, timeout)",
      15,
    ],
    ['cold:maybe', "cold: expects yes or no, not 'maybe'", 5],
    ['dur>fast', "bad duration 'fast' (e.g. 500, 500ms, 2s, 1m)", 4],
    ['dur>=', "bad duration '' (e.g. 500, 500ms, 2s, 1m)", 5],
    ['fn:', 'fn: needs a value', 3],
    ['fn:a||b', 'fn: has an empty alternative', 5],
    ['x "open', 'unclosed quote', 2],
    ['""', 'empty phrase ""', 0],
    ['/abc', 'unclosed regex: add the closing /', 0],
    ['//', 'empty regex //', 0],
    ['/a/g', "unknown regex flags 'g' (only i is supported)", 3],
    ['!', "'!' must be followed by a term", 0],
    ['a ! b', "'!' must be followed by a term", 2],
    ['!!a', "one '!' is enough: '!!' is not allowed", 0],
    ['"a"b', 'expected a space here', 3],
  ])('%j -> %s at %i', (text, error, position) => {
    expect(errorOf(text)).toEqual({ error, position });
  });

  it('reports invalid regex syntax', () => {
    expect(errorOf('ok /a(/').error).toMatch(/^invalid regex: /);
    expect(errorOf('ok /a(/').position).toBe(3);
  });

  it('refuses a regex with a repeat inside a repeat, which could freeze the monitor', () => {
    for (const text of ['/(a+)+$/', 'x /(\\w+\\s?)*!/i']) {
      expect(errorOf(text).error).toMatch(/^regex has a repeat inside a repeat, like \(a\+\)\+/);
    }
    expect(errorOf('x /(a+)+$/').position).toBe(2);
    for (const text of ['/error|timeout/', '/(?<=user )\\d+/', '/(?<!not )found/i', '/\\d{4}-\\d{2}/', '/(?:ab)*c/']) {
      expect(parseFilter(text).ok, text).toBe(true);
    }
  });
});

describe('describeFilter', () => {
  it('prints the canonical form that parses back', () => {
    const text =
      '!fn:billing/*|hello  status:failed cold:yes dur>=1500 kind:nodejs* id:9B1F sammy "two words" /x\\/y/i';
    const described = describeFilter(parse(text));
    expect(described).toBe(
      '!fn:billing/*|hello status:failed cold:yes dur>=1500ms kind:nodejs* id:9b1f sammy "two words" /x\\/y/i',
    );
    expect(parse(described).terms).toEqual(parse(text).terms);
  });

  it('quotes text that would otherwise read as something else', () => {
    for (const text of ['"status:failed"', '"!x"', '"dur>5"', '"say \\"hi\\""', '"/path"']) {
      const filter = parse(text);
      expect(describeFilter(filter)).toBe(text);
      expect(parse(describeFilter(filter)).terms).toEqual(filter.terms);
    }
  });

  it('prints durations in the largest exact unit', () => {
    expect(describeFilter(parse('dur>120000 dur<2s dur=0.5ms'))).toBe('dur>2m dur<2s dur=0.5ms');
  });
});

describe('highlightRanges', () => {
  it('returns ranges of bare-word (any case) and regex (as flagged) matches, ignoring negated terms', () => {
    const filter = parse('card /de\\w+/ !charging fn:billing/*');
    expect(highlightRanges(filter, 'Card declined; card DECLINED')).toEqual([
      [0, 4],
      [5, 13],
      [15, 19],
    ]);
    expect(highlightRanges(parse('ab abc'), 'xabcx')).toEqual([[1, 4]]);
    expect(highlightRanges(parse('status:failed'), 'anything')).toEqual([]);
  });

  it('skips empty regex matches', () => {
    expect(highlightRanges(parse('/x*/'), 'axxb')).toEqual([[1, 3]]);
  });
});

describe('filterFromTailFlags', () => {
  function tail(functions: string[], statuses: string[]): Filter {
    const result = filterFromTailFlags({ functions, statuses });
    if (!result.ok) throw new Error(result.error);
    return result.filter;
  }

  it('ORs repeated and comma-separated --function values; a bare name matches in any package', () => {
    const filter = tail(['hello', 'billing/*,jobs/exp?rt'], []);
    expect([charge, hello, slowTimeout].filter((a) => matches(filter, a)).map((a) => a.fn)).toEqual([
      'billing/charge',
      'hello',
      'jobs/export',
    ]);
    expect(matches(tail(['charge'], []), charge)).toBe(true);
    expect(describeFilter(tail(['hello', 'billing/*'], []))).toBe('fn:hello|billing/*');
  });

  it('ORs statuses and ANDs cold', () => {
    expect(describeFilter(tail([], ['failed', 'cold', 'Timeout']))).toBe('status:failed|timeout cold:yes');
    const coldOnly = tail([], ['cold']);
    expect([charge, hello].filter((a) => matches(coldOnly, a)).map((a) => a.fn)).toEqual(['billing/charge']);
  });

  it('is empty with no flags', () => {
    expect(tail([], []).terms).toEqual([]);
  });

  it('rejects unknown statuses and malformed functions', () => {
    expect(filterFromTailFlags({ functions: [], statuses: ['faild'] })).toEqual({
      ok: false,
      error: "unknown --status 'faild' (expected success, failed, app-error, dev-error, internal, timeout, cold)",
    });
    expect(filterFromTailFlags({ functions: ['a b'], statuses: [] })).toMatchObject({ ok: false });
    expect(filterFromTailFlags({ functions: ['a,'], statuses: [] })).toMatchObject({ ok: false });
  });
});
