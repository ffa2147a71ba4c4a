// `fnmon invoke PKG/FN`: one invocation from the command line. Parameters are project.yml defaults,
// then --params FILE, then -p KEY=VALUE, later ones winning; values the function has bound anyway
// are not sent. The parameters go into the invoke history, like the monitor's re-invokes.
import { readFile } from 'node:fs/promises';
import { statusLabel } from '../core/activation.js';
import { formatDuration } from '../core/duration.js';
import type { InvokeResult } from '../core/invoke.js';
import { mergeParams, paramsToSend, parseParamsText, type Params } from '../core/invoke-params.js';
import { sanitize, sanitizeLines } from '../core/logline.js';
import { ActivationStore } from '../core/store.js';
import { defaultHistoryFile } from '../config/invoke-history.js';
import { loadProjectFile, projectDefaults, type ProjectLocation } from '../config/project-file.js';
import { jsonLine } from '../plain/json.js';
import type { ParsedCommand } from './args.js';
import { connect } from './connect.js';
import { InvokeService } from './invoke-service.js';
import { UsageFailure, choiceOption, flagOption, listOption, stringOption } from './options.js';
import { EXIT, type CliIO } from './run.js';

/** Retries apply to the bound-parameter read only: an invoke is never retried. */
const READ_RETRIES = 2;

interface InvokeSettings {
  fn: string;
  output: 'text' | 'json';
  wait: boolean;
  typed: Params;
  project: ProjectLocation;
}

export async function invokeCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  if (flagOption(command.options, 'read-only')) {
    io.stderr.write('fnmon invoke: not invoking: --read-only is set\n');
    return EXIT.usage;
  }
  const settings = await readSettings(command);
  const defaults = await readProjectDefaults(settings, io);
  const connection = await connect(command, io, READ_RETRIES);
  if ('error' in connection) {
    io.stderr.write(`fnmon: ${connection.error}\n`);
    return EXIT.failure;
  }
  const { client } = connection;
  const service = new InvokeService({
    client,
    store: new ActivationStore(),
    historyFile: defaultHistoryFile(io.env),
    project: settings.project,
  });
  try {
    // Bound values only matter when project defaults might repeat them (a final one would be refused).
    const bound = Object.keys(defaults).length > 0 ? await service.boundParams(settings.fn).catch(() => ({})) : {};
    const params = paramsToSend(
      mergeParams([
        { source: 'bound', params: bound },
        { source: 'project', params: defaults },
        { source: 'typed', params: settings.typed },
      ]),
    );
    const result = await service.send(settings.fn, params, { blocking: settings.wait });
    for (const warning of service.takeWarnings()) io.stderr.write(`fnmon invoke: warning: ${warning}\n`);
    return report(result, settings, io);
  } finally {
    await client.close();
  }
}

async function readSettings(command: ParsedCommand): Promise<InvokeSettings> {
  const { options } = command;
  const projectDir = stringOption(options, 'project');
  const fileParams = await readParamsFile(stringOption(options, 'params'));
  const flagParams = Object.fromEntries(listOption(options, 'param').map(parseParamFlag));
  return {
    fn: command.positionals[0]!,
    output: choiceOption(options, 'output', ['text', 'json'], 'text'),
    wait: !flagOption(options, 'no-wait'),
    typed: { ...fileParams, ...flagParams },
    project: { path: projectDir ?? process.cwd(), explicit: projectDir !== undefined },
  };
}

/** `key=value`: the value is JSON when it parses (3, true, null, "3", {"a":1}), else the text itself. */
function parseParamFlag(text: string): [string, unknown] {
  const split = text.indexOf('=');
  if (split <= 0) throw new UsageFailure(`-p expects KEY=VALUE (got '${sanitize(text)}')`);
  const raw = text.slice(split + 1);
  try {
    return [text.slice(0, split), JSON.parse(raw)];
  } catch {
    return [text.slice(0, split), raw];
  }
}

async function readParamsFile(path: string | undefined): Promise<Params> {
  if (path === undefined) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageFailure(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const parsed = parseParamsText(text);
  if (!parsed.ok) throw new UsageFailure(`${path}:${parsed.line}:${parsed.column}: ${parsed.message}`);
  return parsed.params;
}

async function readProjectDefaults(settings: InvokeSettings, io: CliIO): Promise<Params> {
  const loaded = await loadProjectFile(settings.project);
  if (!loaded.ok) throw new UsageFailure(loaded.message);
  const defaults = projectDefaults(loaded.project, settings.fn);
  if (loaded.project && defaults.templated.length > 0) {
    const keys = defaults.templated.join(', ');
    io.stderr.write(`fnmon invoke: warning: ${loaded.project.path}: ${keys} use \${…} templates; not sent\n`);
  }
  return defaults.params;
}

function report(result: InvokeResult, settings: InvokeSettings, io: CliIO): number {
  switch (result.kind) {
    case 'failed':
      io.stderr.write(`fnmon invoke: ${result.message}\n`);
      // A name the client refused before sending is a usage mistake; anything the server said is not.
      return result.errorKind === 'usage' && result.httpStatus === undefined ? EXIT.usage : EXIT.failure;
    case 'accepted':
      io.stdout.write(
        settings.output === 'json' ? jsonLine({ activationId: result.activationId }) : acceptedText(result),
      );
      return EXIT.ok;
    case 'result': {
      const { activation, status } = result;
      if (settings.output === 'json') io.stdout.write(jsonLine(activation.raw));
      else io.stdout.write(resultText(result));
      return status === 200 ? EXIT.ok : EXIT.failure;
    }
  }
}

function acceptedText(result: Extract<InvokeResult, { kind: 'accepted' }>): string {
  const { activationId: id } = result;
  const state = result.demoted ? 'still running after the wait' : 'accepted';
  return `activation ${id}  ${state}\n'fnmon get ${id}' shows the record once it has finished\n`;
}

function resultText(result: Extract<InvokeResult, { kind: 'result' }>): string {
  const { activation, status } = result;
  const took = activation.duration === undefined ? '' : `  ${formatDuration(activation.duration)}`;
  const lines = [
    `${sanitize(activation.fn)}  ${statusLabel(activation.status)} (${status})${took}  ${activation.cold ? 'cold' : 'warm'}`,
    `activation ${sanitize(activation.id)}`,
    ...sanitizeLines(JSON.stringify(activation.result ?? null, null, 2)),
  ];
  return `${lines.join('\n')}\n`;
}
