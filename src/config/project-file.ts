// project.yml, the DigitalOcean Functions project file: found in a directory (or given as a file),
// parsed with the yaml package, and turned into each function's parameter defaults
// (project < package < function). `environment` is not a parameter: only its LOG_DESTINATIONS is
// read (where the function forwards its logs), and never fails the file.
// Problems are one line with file, line and key: `project.yml:7: packages[0].parameters: must be a mapping`.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { Params } from '../core/invoke-params.js';

export const PROJECT_FILE_NAME = 'project.yml';

/** Where to look: a directory holding project.yml, or the file itself. */
export interface ProjectLocation {
  path: string;
  /** Given by the person (--project): then a missing file is an error, not "no project". */
  explicit: boolean;
}

export interface ProjectFile {
  path: string;
  /** By `pkg/fn`, or `fn` for functions of the package named 'default' (deployed unpackaged). */
  functions: ReadonlyMap<string, ProjectFunction>;
}

export interface ProjectFunction {
  /** project, package and function `parameters`, later levels winning per key. */
  params: Params;
  /**
   * Keys whose values use `${VAR}` templating: deploy fills them from .env, which fnmon does not
   * read; they are left out of `params` so the deployed (bound) value applies instead.
   */
  templated: string[];
  /** The raw LOG_DESTINATIONS value from the nearest `environment` (core/log-destinations reads it). */
  logDestinations?: unknown;
}

export type ProjectFileResult = { ok: true; project?: ProjectFile } | { ok: false; message: string };

type KeyPath = (string | number)[];

class ShapeError extends Error {
  constructor(
    readonly at: KeyPath,
    readonly problem: string,
  ) {
    super(problem);
  }
}

export async function loadProjectFile(location: ProjectLocation): Promise<ProjectFileResult> {
  const path = await projectFilePath(location.path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !location.explicit) return { ok: true };
    const reason = code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? String(error)})`;
    return { ok: false, message: `${path}: ${reason}` };
  }
  return parseProjectFile(text, path);
}

/** The defaults for `fn`; a function the project does not define gets none. */
export function projectDefaults(project: ProjectFile | undefined, fn: string): ProjectFunction {
  return project?.functions.get(fn) ?? { params: {}, templated: [] };
}

export function parseProjectFile(text: string, path: string): ProjectFileResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    return { ok: false, message: `${path}:${line}:${col}: ${syntax.message.split('\n')[0]}` };
  }
  let root: unknown;
  try {
    root = doc.toJS();
  } catch (error) {
    // toJS refuses alias bombs ("excessive alias count") rather than expanding them.
    return { ok: false, message: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    return { ok: true, project: { path, functions: readFunctions(root) } };
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    const line = lines.linePos(nodeOffset(doc, error.at)).line;
    return { ok: false, message: `${path}:${line}: ${formatKeyPath(error.at)}: ${error.problem}` };
  }
}

async function projectFilePath(path: string): Promise<string> {
  try {
    return (await stat(path)).isDirectory() ? join(path, PROJECT_FILE_NAME) : path;
  } catch {
    return join(path, PROJECT_FILE_NAME);
  }
}

function readFunctions(root: unknown): Map<string, ProjectFunction> {
  const functions = new Map<string, ProjectFunction>();
  const top = mappingAt(root, []) ?? {};
  const projectParams = mappingAt(top.parameters, ['parameters']) ?? {};
  const projectEnv = top.environment;
  (listAt(top.packages, ['packages']) ?? []).forEach((pkgValue, pkgIndex) => {
    const pkgAt = ['packages', pkgIndex];
    const pkg = mappingAt(pkgValue, pkgAt) ?? {};
    const pkgName = nameAt(pkg.name, [...pkgAt, 'name']);
    const pkgParams = mappingAt(pkg.parameters, [...pkgAt, 'parameters']) ?? {};
    // Older project files call functions "actions".
    const listKey = pkg.functions === undefined && pkg.actions !== undefined ? 'actions' : 'functions';
    (listAt(pkg[listKey], [...pkgAt, listKey]) ?? []).forEach((fnValue, fnIndex) => {
      const fnAt = [...pkgAt, listKey, fnIndex];
      const fn = mappingAt(fnValue, fnAt) ?? {};
      const fnName = nameAt(fn.name, [...fnAt, 'name']);
      const fnParams = mappingAt(fn.parameters, [...fnAt, 'parameters']) ?? {};
      const key = pkgName === 'default' ? fnName : `${pkgName}/${fnName}`;
      const logDestinations = logDestinationsValue(fn.environment, pkg.environment, projectEnv);
      functions.set(key, {
        ...withoutTemplates({ ...projectParams, ...pkgParams, ...fnParams }),
        ...(logDestinations !== undefined && { logDestinations }),
      });
    });
  });
  return functions;
}

/** The most specific scope's LOG_DESTINATIONS; an `environment` that is not a mapping has none. */
function logDestinationsValue(...environments: unknown[]): unknown {
  for (const environment of environments) {
    if (typeof environment === 'object' && environment !== null && 'LOG_DESTINATIONS' in environment) {
      return (environment as Record<string, unknown>).LOG_DESTINATIONS;
    }
  }
  return undefined;
}

function withoutTemplates(params: Params): ProjectFunction {
  const templated = Object.keys(params).filter((key) => usesTemplate(params[key]));
  const kept = Object.entries(params).filter(([key]) => !templated.includes(key));
  return { params: Object.fromEntries(kept), templated };
}

function usesTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${');
  if (typeof value === 'object' && value !== null) return Object.values(value).some(usesTemplate);
  return false;
}

/** A mapping, or undefined when the key is absent or empty (`parameters:` with nothing after it). */
function mappingAt(value: unknown, at: KeyPath): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ShapeError(at, 'must be a mapping');
  return value as Record<string, unknown>;
}

function listAt(value: unknown, at: KeyPath): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ShapeError(at, 'must be a list');
  return value;
}

function nameAt(value: unknown, at: KeyPath): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ShapeError(at, 'must be a non-empty name');
  return value;
}

/** Where the offending node starts; for a missing key, its parent. */
function nodeOffset(doc: Document, at: KeyPath): number {
  for (let length = at.length; length >= 0; length--) {
    const node: unknown = length === 0 ? doc.contents : doc.getIn(at.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return range[0];
  }
  return 0;
}

function formatKeyPath(at: KeyPath): string {
  if (at.length === 0) return '(top level)';
  return at
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}
