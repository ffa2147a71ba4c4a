// The LOG_DESTINATIONS value of a function (log-forwarding.md §2.1): a JSON string holding a list
// of destinations, or {"destinations": [...], "attributes": {...}}. Problems use the runtime's own
// texts, so what fnmon reports is what the function's stderr would say.
import type { Destination } from './forwarded-types.js';

export type DestinationsReading =
  | { kind: 'destinations'; destinations: Destination[] }
  /** `${VAR}` templating: deploy fills it from .env, which fnmon does not read. */
  | { kind: 'templated' }
  | { kind: 'malformed'; problem: string };

const NONE_SET =
  'invalid log destinations value in "LOG_DESTINATIONS": either logtail, papertrail or datadog must be set';

export function readLogDestinations(value: unknown): DestinationsReading {
  if (typeof value !== 'string') return malformed('the value must be a string holding JSON');
  const text = value.trim();
  if (text.includes('${')) return { kind: 'templated' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return malformed(`failed to parse "LOG_DESTINATIONS" into valid log destinations: ${(error as Error).message}`);
  }
  const list = text.startsWith('[') ? parsed : isObject(parsed) ? parsed.destinations : undefined;
  if (!Array.isArray(list)) {
    return malformed('failed to parse "LOG_DESTINATIONS" into valid log destinations: expected a list of destinations');
  }
  const destinations: Destination[] = [];
  for (const entry of list) {
    const reading = readDestination(entry);
    if (typeof reading !== 'string' || !isDestination(reading)) return malformed(reading);
    if (!destinations.includes(reading)) destinations.push(reading);
  }
  return destinations.length > 0 ? { kind: 'destinations', destinations } : malformed(NONE_SET);
}

/** The destination an entry configures, or the runtime's complaint about it. */
function readDestination(entry: unknown): Destination | string {
  if (!isObject(entry)) return NONE_SET;
  if (entry.logtail !== undefined)
    return hasStrings(entry.logtail, 'token') ? 'logtail' : 'logtail.token has to be defined';
  if (entry.papertrail !== undefined) {
    return hasStrings(entry.papertrail, 'token') ? 'papertrail' : 'papertrail.token has to be defined';
  }
  if (entry.datadog !== undefined) {
    return hasStrings(entry.datadog, 'endpoint', 'api_key')
      ? 'datadog'
      : 'datadog.endpoint and datadog.api_key have to be defined';
  }
  return NONE_SET;
}

const DESTINATIONS: readonly string[] = ['papertrail', 'datadog', 'logtail'];

function isDestination(value: string): value is Destination {
  return DESTINATIONS.includes(value);
}

function hasStrings(value: unknown, ...keys: string[]): boolean {
  return isObject(value) && keys.every((key) => typeof value[key] === 'string' && value[key] !== '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(problem: string): DestinationsReading {
  return { kind: 'malformed', problem };
}
