// `fnmon doctor`: which credential source won (and which were tried), where it points, and whether
// a real round trip works. The key is shown only as its first characters.
import { isLoopbackHost } from '../api/http.js';
import { isApiError, type ApiError } from '../api/errors.js';
import type { OpenWhiskClient } from '../api/openwhisk.js';
import type { SourceReport, Target } from '../config/target.js';
import { sanitize } from '../core/sanitize.js';
import type { ParsedCommand } from './args.js';
import { clientFor, resolveForCommand } from './connect.js';
import { UsageFailure } from './options.js';
import { EXIT, type CliIO } from './run.js';

const HOUR_MS = 60 * 60 * 1000;
const OUTCOME_LABEL: Record<SourceReport['outcome'], string> = { used: 'used', absent: '-', incomplete: 'incomplete' };

type Print = (line?: string) => void;

export async function doctorCommand(command: ParsedCommand, io: CliIO): Promise<number> {
  const resolution = await resolveForCommand(command, io);
  if (!resolution.ok && resolution.kind === 'usage') throw new UsageFailure(resolution.message);
  const print: Print = (line = '') => io.stdout.write(`${line}\n`);
  printSources(resolution.tried, print);
  if (!resolution.ok) {
    printWarnings(resolution.warnings, print);
    io.stderr.write(`fnmon: ${resolution.message}\n`);
    return EXIT.failure;
  }
  const { target } = resolution;
  printTarget(target, print);
  const client = clientFor(target, 0);
  try {
    const failure = await roundTrip(client, print);
    printWarnings([...resolution.warnings, ...transportWarnings(target)], print);
    if (failure) {
      io.stderr.write(`fnmon doctor: ${inPlainWords(failure)}\n`);
      return EXIT.failure;
    }
    print('All good: fnmon can read this namespace.');
    return EXIT.ok;
  } finally {
    await client.close();
  }
}

function printSources(tried: readonly SourceReport[], print: Print): void {
  print('Credential sources, in order (the first complete one wins):');
  const width = Math.max(...tried.map((report) => report.source.length));
  for (const report of tried) {
    print(`  ${OUTCOME_LABEL[report.outcome].padEnd(10)} ${report.source.padEnd(width)}  ${report.detail}`);
  }
  print();
}

function printTarget(target: Target, print: Print): void {
  const label = target.label ? ` (${sanitize(target.label)})` : '';
  print('Target:');
  print(`  source     ${target.source}`);
  print(`  API host   ${target.apihost}`);
  print(`  namespace  ${target.namespace ?? "_ (the key's own)"}${label}`);
  print(`  key        ${target.auth.preview()}`);
  print();
}

/** GET /api/v1/namespaces, then the activation count of the last hour; the first failure ends it. */
async function roundTrip(client: OpenWhiskClient, print: Print): Promise<ApiError | undefined> {
  print('Round trip:');
  try {
    const namespaces = await timed(() => client.listNamespaces());
    print(
      `  GET /api/v1/namespaces        ok in ${namespaces.ms} ms: ${sanitize(namespaces.value.join(', ') || 'none')}`,
    );
    const count = await timed(() => client.countActivations({ since: Date.now() - HOUR_MS }));
    print(`  activations in the last hour  ${count.value} (counted in ${count.ms} ms)`);
    print();
    return undefined;
  } catch (error) {
    if (!isApiError(error)) throw error;
    print(`  failed: ${error.message}`);
    print();
    return error;
  }
}

async function timed<T>(step: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await step();
  return { value, ms: Math.round(performance.now() - started) };
}

/** Plain http is allowed for loopback and with --insecure; either way the person should know. */
function transportWarnings(target: Target): string[] {
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(target.apihost) ? target.apihost : `https://${target.apihost}`);
  if (url.protocol !== 'http:') return [];
  if (isLoopbackHost(url.hostname))
    return [`plain http to ${url.host}: fine for a local emulator; real namespaces use https`];
  return [`plain http to ${url.host} (--insecure): the key travels unencrypted`];
}

function printWarnings(warnings: readonly string[], print: Print): void {
  if (warnings.length === 0) return;
  print('Warnings:');
  for (const warning of warnings) print(`  ${warning.replace(/^warning: /, '')}`);
  print();
}

function inPlainWords(error: ApiError): string {
  if (error.kind !== 'auth') return error.message;
  if (error.status === 403) {
    return "the API host accepted the key but refused access (HTTP 403): check that --namespace is the key's own namespace";
  }
  return (
    `the API host rejected the namespace key (HTTP ${error.status ?? '401'}): it is wrong, mistyped or revoked. ` +
    "Fetch the current one with 'doctl serverless connect', or fix the source named above."
  );
}
