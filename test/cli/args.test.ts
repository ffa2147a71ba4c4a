import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../src/cli/args.js';

describe('parseArgv', () => {
  it('defaults to the monitor with no arguments', () => {
    expect(parseArgv([])).toMatchObject({ kind: 'command', command: 'monitor', positionals: [] });
  });

  it('recognises --version and -V', () => {
    expect(parseArgv(['--version'])).toEqual({ kind: 'version' });
    expect(parseArgv(['-V'])).toEqual({ kind: 'version' });
  });

  it('routes --help to the subcommand it follows', () => {
    expect(parseArgv(['--help'])).toEqual({ kind: 'help', command: undefined });
    expect(parseArgv(['tail', '--help'])).toEqual({ kind: 'help', command: 'tail' });
    expect(parseArgv(['help', 'get'])).toEqual({ kind: 'help', command: 'get' });
  });

  it('rejects an unknown flag with a one-line message and a hint', () => {
    const result = parseArgv(['--bogus']);
    expect(result).toEqual({ kind: 'usage-error', message: "unknown option '--bogus'", hint: "run 'fnmon --help' for usage" });
  });

  it('rejects an unknown subcommand', () => {
    expect(parseArgv(['frobnicate'])).toMatchObject({ kind: 'usage-error', message: "unknown command 'frobnicate'" });
  });

  it('points the hint at the subcommand whose flag was wrong', () => {
    expect(parseArgv(['tail', '--nope=1'])).toMatchObject({
      kind: 'usage-error',
      message: "unknown option '--nope'",
      hint: "run 'fnmon tail --help' for usage",
    });
  });

  it('reports a missing option value', () => {
    expect(parseArgv(['tail', '--since'])).toMatchObject({ kind: 'usage-error', message: "option '--since' needs a value" });
  });

  it('collects repeatable options', () => {
    const result = parseArgv(['tail', '-f', 'billing/*', '--function', 'hello', '--status', 'failed']);
    expect(result).toMatchObject({ kind: 'command', options: { function: ['billing/*', 'hello'], status: ['failed'] } });
  });

  it('checks positional counts', () => {
    expect(parseArgv(['get'])).toMatchObject({ kind: 'usage-error', message: 'missing ID' });
    expect(parseArgv(['get', 'a', 'b'])).toMatchObject({ kind: 'usage-error', message: "unexpected argument 'b'" });
    expect(parseArgv(['get', 'abc'])).toMatchObject({ kind: 'command', command: 'get', positionals: ['abc'] });
    expect(parseArgv(['tail', 'extra'])).toMatchObject({ kind: 'usage-error', message: "unexpected argument 'extra'" });
  });
});
