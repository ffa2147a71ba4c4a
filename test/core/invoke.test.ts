// Invocation parameters: provenance of merged values, the editor text (YAML or JSON in, YAML out).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeParams,
  mergeParams,
  paramsToSend,
  parseParamsText,
  renderParams,
  startingParams,
  withoutBound,
  type ParamSources,
} from '../../src/core/invoke-params.js';
import { aliasBomb } from './alias-bomb.js';

const sources = (overrides: Partial<ParamSources> = {}): ParamSources => ({
  bound: {},
  project: {},
  history: [],
  ...overrides,
});

describe('mergeParams', () => {
  it('lets later sources win and says where each value came from', () => {
    const merged = mergeParams([
      { source: 'bound', params: { bucket: 'media', region: 'nyc1' } },
      { source: 'project', params: { width: 256, name: 'from-project' } },
      { source: 'history', params: { name: 'from-history' } },
      { source: 'typed', params: { width: 512 } },
    ]);
    expect(merged).toEqual([
      { key: 'bucket', value: 'media', source: 'bound' },
      { key: 'region', value: 'nyc1', source: 'bound' },
      { key: 'width', value: 512, source: 'typed' },
      { key: 'name', value: 'from-history', source: 'history' },
    ]);
  });

  it('keeps a value equal to the bound one as bound, so it is not sent', () => {
    const merged = mergeParams([
      { source: 'bound', params: { currency: 'usd', limits: { max: 5 } } },
      { source: 'project', params: { currency: 'usd', limits: { max: 5 }, amount: 3 } },
    ]);
    expect(merged.filter((param) => param.source === 'bound').map((param) => param.key)).toEqual([
      'currency',
      'limits',
    ]);
    expect(paramsToSend(merged)).toEqual({ amount: 3 });
  });

  it('sends a value that overrides a bound one', () => {
    const merged = mergeParams([
      { source: 'bound', params: { currency: 'usd' } },
      { source: 'typed', params: { currency: 'eur' } },
    ]);
    expect(merged).toEqual([{ key: 'currency', value: 'eur', source: 'typed' }]);
    expect(paramsToSend(merged)).toEqual({ currency: 'eur' });
  });
});

describe('startingParams', () => {
  it('starts from the project defaults overlaid by the newest parameters sent before', () => {
    const start = startingParams(
      sources({
        project: { name: 'Ada', greeting: 'hi' },
        history: [
          { params: { name: 'Zed' }, sentAt: 2 },
          { params: { name: 'Old', extra: true }, sentAt: 1 },
        ],
      }),
    );
    expect(start).toEqual({ name: 'Zed', greeting: 'hi' });
  });

  it('leaves out what the platform binds anyway', () => {
    expect(startingParams(sources({ bound: { bucket: 'b' }, project: { bucket: 'b', url: 'u' } }))).toEqual({
      url: 'u',
    });
  });
});

describe('describeParams', () => {
  it('labels edited values by the source they match, else typed, and lists untouched bound ones', () => {
    const described = describeParams(
      sources({
        bound: { bucket: 'media' },
        project: { width: 256 },
        history: [{ params: { url: 'a.jpg' }, sentAt: 1 }],
      }),
      { width: 256, url: 'a.jpg', name: 'new' },
    );
    expect(described).toEqual([
      { key: 'bucket', value: 'media', source: 'bound' },
      { key: 'width', value: 256, source: 'project' },
      { key: 'url', value: 'a.jpg', source: 'history' },
      { key: 'name', value: 'new', source: 'typed' },
    ]);
  });

  it('treats a changed default as typed', () => {
    expect(describeParams(sources({ project: { width: 256 } }), { width: 300 })).toEqual([
      { key: 'width', value: 300, source: 'typed' },
    ]);
  });
});

describe('withoutBound', () => {
  it('drops only values identical to the bound ones', () => {
    expect(withoutBound({ a: 1, b: { c: [1] }, d: 2 }, { a: 1, b: { c: [1] }, d: 3 })).toEqual({ d: 2 });
  });
});

describe('parseParamsText', () => {
  it('accepts YAML', () => {
    expect(parseParamsText('name: Zed\ncount: 3\ntags: [a, b]\nquoted: "3"\n')).toEqual({
      ok: true,
      params: { name: 'Zed', count: 3, tags: ['a', 'b'], quoted: '3' },
    });
  });

  it('accepts JSON, tabs included', () => {
    expect(parseParamsText('{\n\t"name": "Zed",\n\t"n": 1\n}')).toEqual({ ok: true, params: { name: 'Zed', n: 1 } });
  });

  it('reads empty text and comments as no parameters', () => {
    expect(parseParamsText('')).toEqual({ ok: true, params: {} });
    expect(parseParamsText('# nothing yet\n\n')).toEqual({ ok: true, params: {} });
  });

  it('refuses invalid YAML with the line and column of the problem', () => {
    const parsed = parseParamsText('name: Zed\nage: : 3\n');
    expect(parsed).toMatchObject({ ok: false, line: 2, column: 6 });
    if (!parsed.ok) expect(parsed.message).not.toMatch(/\n|at line/);
  });

  it('refuses broken JSON with the position of the problem', () => {
    expect(parseParamsText('{"name": "Zed",\n "n": [1, 2}')).toMatchObject({ ok: false, line: 2, column: 12 });
  });

  it('refuses duplicate keys where the second one is', () => {
    expect(parseParamsText('a: 1\nb: 2\na: 3\n')).toMatchObject({ ok: false, line: 3, column: 1 });
  });

  it('requires a mapping, not a list or a single value', () => {
    expect(parseParamsText('- a\n- b\n')).toMatchObject({
      ok: false,
      line: 1,
      column: 1,
      message: expect.stringContaining('a list'),
    });
    expect(parseParamsText('just text')).toMatchObject({
      ok: false,
      message: expect.stringContaining('a single string'),
    });
  });

  it('refuses values JSON cannot carry, where they are', () => {
    expect(parseParamsText('a: 1\nb: .nan\n')).toMatchObject({ ok: false, line: 2, column: 4 });
    expect(parseParamsText('blob: !!binary aGk=\n')).toMatchObject({ ok: false, line: 1 });
  });
});

describe('parseParamsText against hostile input', () => {
  it('refuses an alias bomb instead of expanding it', () => {
    expect(parseParamsText(aliasBomb())).toMatchObject({ ok: false, message: expect.stringMatching(/alias/i) });
  });
});

describe('renderParams', () => {
  it('renders no parameters as empty text', () => {
    expect(renderParams({})).toBe('');
  });

  it('quotes strings that would read back as other types and never folds long lines', () => {
    const text = renderParams({ n: '3', yes: 'true', long: 'x'.repeat(200) });
    expect(text).toContain('n: "3"');
    expect(text).toContain('yes: "true"');
    expect(text.split('\n').some((line) => line.length > 200)).toBe(true);
  });

  it('round-trips any JSON object through the editor text', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (params) => {
        const parsed = parseParamsText(renderParams(params));
        expect(parsed.ok).toBe(true);
        // JSON.stringify folds -0 into 0, as the invoke body does.
        if (parsed.ok) expect(JSON.stringify(parsed.params)).toBe(JSON.stringify(params));
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseParamsText(text);
        if (!parsed.ok) expect(parsed.line).toBeGreaterThan(0);
      }),
    );
  });
});
