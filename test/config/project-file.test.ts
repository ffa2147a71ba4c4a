// project.yml: per-function parameter defaults, and problems reported as file:line: key: problem.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProjectFile, parseProjectFile, projectDefaults } from '../../src/config/project-file.js';
import { aliasBomb } from '../core/alias-bomb.js';

const PROJECT = `
parameters:
  region: nyc1
  greeting: hello
environment:
  API_TOKEN: secret-from-env
packages:
  - name: sample
    parameters:
      greeting: hi
    environment:
      LOG_LEVEL: debug
    functions:
      - name: hello
        runtime: nodejs:18
        parameters:
          name: Ada
        environment:
          name: NotAParameter
      - name: delay
        runtime: nodejs:18
  - name: default
    actions:
      - name: healthcheck
        parameters:
          verbose: true
`;

function parsed(text: string) {
  const result = parseProjectFile(text, 'project.yml');
  if (!result.ok) throw new Error(result.message);
  if (!result.project) throw new Error('expected a project');
  return result.project;
}

function problem(text: string): string {
  const result = parseProjectFile(text, 'project.yml');
  if (result.ok) throw new Error('expected a problem');
  return result.message;
}

describe('project.yml defaults', () => {
  it('merges project, package and function parameters, the narrower scope winning', () => {
    expect(projectDefaults(parsed(PROJECT), 'sample/hello').params).toEqual({
      region: 'nyc1',
      greeting: 'hi',
      name: 'Ada',
    });
    expect(projectDefaults(parsed(PROJECT), 'sample/delay').params).toEqual({ region: 'nyc1', greeting: 'hi' });
  });

  it('never turns environment into parameters', () => {
    const params = projectDefaults(parsed(PROJECT), 'sample/hello').params;
    expect(params).not.toHaveProperty('API_TOKEN');
    expect(params).not.toHaveProperty('LOG_LEVEL');
    expect(params.name).toBe('Ada');
  });

  it('deploys functions of the package named default without a package, and reads older "actions" lists', () => {
    expect(projectDefaults(parsed(PROJECT), 'healthcheck').params).toMatchObject({ verbose: true });
  });

  it('gives a function the project does not define no defaults', () => {
    expect(projectDefaults(parsed(PROJECT), 'billing/charge')).toEqual({ params: {}, templated: [] });
    expect(projectDefaults(undefined, 'sample/hello')).toEqual({ params: {}, templated: [] });
  });

  it('leaves out ${VAR} templated values, which only deploy can fill in', () => {
    const project = parsed(
      'packages:\n  - name: api\n    functions:\n      - name: users\n        parameters:\n          key: "${API_KEY}"\n          nested: { url: "https://${HOST}/x" }\n          page: 1\n',
    );
    expect(projectDefaults(project, 'api/users')).toEqual({ params: { page: 1 }, templated: ['key', 'nested'] });
  });

  it('reads an empty file as a project without functions', () => {
    expect(parsed('').functions.size).toBe(0);
    expect(parsed('# just a comment\n').functions.size).toBe(0);
  });
});

describe('project.yml problems', () => {
  it('names file, line and key for a parameters block that is not a mapping', () => {
    const text =
      'packages:\n  - name: sample\n    functions:\n      - name: hello\n      - name: delay\n        parameters: [1, 2]\n';
    expect(problem(text)).toBe('project.yml:6: packages[0].functions[1].parameters: must be a mapping');
  });

  it('points at the package that has no name', () => {
    expect(problem('packages:\n  - functions: []\n')).toBe('project.yml:2: packages[0].name: must be a non-empty name');
  });

  it('reports a packages value that is not a list', () => {
    expect(problem('parameters: {}\npackages: sample\n')).toBe('project.yml:2: packages: must be a list');
  });

  it('reports a top level that is not a mapping', () => {
    expect(problem('- a\n- b\n')).toBe('project.yml:1: (top level): must be a mapping');
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(problem('packages:\n  - name: sample\n   functions: x\n')).toMatch(/^project\.yml:3:\d+: \S/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    expect(problem(`parameters:\n${aliasBomb().replace(/^/gm, '  ')}`)).toMatch(/^project\.yml: .*alias/i);
  });

  it('reports a key given twice', () => {
    expect(problem('parameters:\n  a: 1\n  a: 2\n')).toMatch(/^project\.yml:3:3: Map keys must be unique/);
  });
});

describe('loadProjectFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fnmon-project-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds project.yml in a directory', async () => {
    await writeFile(join(dir, 'project.yml'), PROJECT);
    const loaded = await loadProjectFile({ path: dir, explicit: false });
    expect(loaded.ok && loaded.project?.path).toBe(join(dir, 'project.yml'));
  });

  it('accepts the file itself', async () => {
    const file = join(dir, 'other.yml');
    await writeFile(file, PROJECT);
    const loaded = await loadProjectFile({ path: file, explicit: true });
    expect(loaded.ok && projectDefaults(loaded.project, 'sample/hello').params.name).toBe('Ada');
  });

  it('treats a missing project.yml as no project, unless it was asked for', async () => {
    expect(await loadProjectFile({ path: dir, explicit: false })).toEqual({ ok: true });
    expect(await loadProjectFile({ path: dir, explicit: true })).toEqual({
      ok: false,
      message: `${join(dir, 'project.yml')}: not found`,
    });
  });

  it('reports problems with the path of the file', async () => {
    await writeFile(join(dir, 'project.yml'), 'parameters: 3\n');
    expect(await loadProjectFile({ path: dir, explicit: false })).toEqual({
      ok: false,
      message: `${join(dir, 'project.yml')}:1: parameters: must be a mapping`,
    });
  });
});
