// Invocation parameters: where each value comes from (bound on the platform, project.yml, fnmon's
// history, typed by the person), the editor text (YAML or JSON in, YAML out), and what is sent.
// Pure: callers hand in the sources they read; nothing here touches files or the network.
import { LineCounter, parseDocument, stringify, visit, type Document } from 'yaml';

/** A parameter set as the invoke body carries it: a JSON object. */
export type Params = Record<string, unknown>;

/** Lowest to highest precedence. */
export type ParamSource = 'bound' | 'project' | 'history' | 'typed';

export interface SourcedParam {
  key: string;
  value: unknown;
  /**
   * Where the value comes from. 'bound' values are applied by the platform on every invocation:
   * they are shown read-only and never sent; every other source is sent.
   */
  source: ParamSource;
}

export interface ParamLayer {
  source: ParamSource;
  params: Params;
}

/** One parameter set fnmon sent to a function. */
export interface HistoryEntry {
  params: Params;
  /** Epoch ms. */
  sentAt: number;
}

/** Everything known about a function's parameters before the person edits anything. */
export interface ParamSources {
  /** The function's bound parameters (GET action); {} when they could not be read. */
  bound: Params;
  /** project.yml defaults for this function (project < package < function); {} when none. */
  project: Params;
  /** What fnmon sent to this function before, newest first. */
  history: HistoryEntry[];
}

export type ParamsParse =
  | { ok: true; params: Params }
  /** line and column are 1-based and point at the problem in the text. */
  | { ok: false; message: string; line: number; column: number };

/**
 * Applies layers in order, later values replacing earlier ones. A value equal to the bound one stays
 * 'bound': the platform applies it anyway, and re-sending it is refused for final parameters.
 */
export function mergeParams(layers: readonly ParamLayer[]): SourcedParam[] {
  const bound = layers.find((layer) => layer.source === 'bound')?.params ?? {};
  const merged = new Map<string, SourcedParam>();
  for (const { source, params } of layers) {
    for (const [key, value] of Object.entries(params)) {
      const redundant = source !== 'bound' && Object.hasOwn(bound, key) && sameJson(bound[key], value);
      if (!redundant) merged.set(key, { key, value, source });
    }
  }
  return [...merged.values()];
}

/** The values to send: everything except what the platform binds anyway. */
export function paramsToSend(merged: readonly SourcedParam[]): Params {
  return Object.fromEntries(merged.filter((param) => param.source !== 'bound').map(({ key, value }) => [key, value]));
}

/** What to start editing from: project defaults, overlaid by the newest parameters sent before. */
export function startingParams(sources: ParamSources): Params {
  const newest = sources.history[0];
  return paramsToSend(
    mergeParams([
      { source: 'bound', params: sources.bound },
      { source: 'project', params: sources.project },
      ...(newest ? [{ source: 'history' as const, params: newest.params }] : []),
    ]),
  );
}

/**
 * Provenance of what the editor holds now: a value equal to a project default or to one sent before
 * is labelled so; anything else was typed. Bound parameters not in the editor are listed as 'bound'.
 */
export function describeParams(sources: ParamSources, edited: Params): SourcedParam[] {
  const described = mergeParams([
    { source: 'bound', params: sources.bound },
    { source: 'typed', params: edited },
  ]);
  return described.map((param) => {
    if (param.source !== 'typed') return param;
    const matches = (params: Params) => Object.hasOwn(params, param.key) && sameJson(params[param.key], param.value);
    if (matches(sources.project)) return { ...param, source: 'project' };
    if (sources.history.some((entry) => matches(entry.params))) return { ...param, source: 'history' };
    return param;
  });
}

/** Drops the values the platform binds anyway (see mergeParams). */
export function withoutBound(params: Params, bound: Params): Params {
  return paramsToSend(
    mergeParams([
      { source: 'bound', params: bound },
      { source: 'typed', params },
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Editor text

/**
 * Editor text -> parameters. YAML or JSON (JSON is tried first so that JSON's looser whitespace,
 * tabs included, is accepted as JSON). Empty text or only comments means no parameters.
 */
export function parseParamsText(text: string): ParamsParse {
  if (/^\s*\{/.test(text)) {
    try {
      const value: unknown = JSON.parse(text);
      if (isParams(value)) return { ok: true, params: value };
    } catch {
      // Not JSON after all: YAML (a superset for most purposes) reports where it goes wrong.
    }
  }
  return parseYaml(text);
}

/** Parameters -> editable YAML; no parameters -> empty text. Long strings are never folded. */
export function renderParams(params: Params): string {
  return Object.keys(params).length === 0 ? '' : stringify(params, { lineWidth: 0 });
}

function parseYaml(text: string): ParamsParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) return { ok: false, message: firstLine(problem.message), ...position(problem.pos[0]) };
  const nonJson = firstNonJsonScalar(doc);
  if (nonJson) return { ok: false, message: nonJson.message, ...position(nonJson.offset) };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs ("excessive alias count") rather than expanding them.
    return { ok: false, message: error instanceof Error ? error.message : String(error), line: 1, column: 1 };
  }
  if (value === null || value === undefined) return { ok: true, params: {} };
  if (!isParams(value)) {
    const what = Array.isArray(value) ? 'a list' : `a single ${typeof value}`;
    return {
      ok: false,
      message: `parameters must be a mapping of names to values, not ${what}`,
      ...position(doc.contents?.range?.[0] ?? 0),
    };
  }
  return { ok: true, params: value };
}

/** YAML can express values JSON cannot (.nan, .inf, !!binary); the invoke body is JSON. */
function firstNonJsonScalar(doc: Document): { message: string; offset: number } | undefined {
  let found: { message: string; offset: number } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const { value } = node;
      const fine =
        value === null || typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value as number);
      if (fine) return undefined;
      found = {
        message: `${describeScalar(node.source ?? String(value))} is not a JSON value`,
        offset: node.range?.[0] ?? 0,
      };
      return visit.BREAK;
    },
  });
  return found;
}

function describeScalar(text: string): string {
  return text.length > 20 ? `'${text.slice(0, 20)}…'` : `'${text}'`;
}

// The yaml package appends " at line L, column C:" and a code excerpt; we report the position apart.
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function isParams(value: unknown): value is Params {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && sameJson((a as Record<string, unknown>)[key], bRecord[key]),
  );
}
