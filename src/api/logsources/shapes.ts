// Response checks for the three read APIs, in the style of ../validate.ts: only what the clients
// rely on is required; a wrong type where a field is present is a bad response.
import { arrayOf, isRecord, type Check } from '../validate.js';

type Kind = 'string' | 'boolean' | 'object' | 'array';

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'object') return isRecord(value);
  return typeof value === kind;
}

/** `required` fields must be there with their kind; `optional` ones may be absent or null. */
function fields(required: Record<string, Kind>, optional: Record<string, Kind> = {}): Check {
  return (value) => {
    if (!isRecord(value)) return 'expected a JSON object';
    for (const [name, kind] of Object.entries(required)) {
      if (!hasKind(value[name], kind)) return `${name} is ${value[name] === undefined ? 'missing' : `not a ${kind}`}`;
    }
    for (const [name, kind] of Object.entries(optional)) {
      const present = value[name];
      if (present !== undefined && present !== null && !hasKind(present, kind)) return `${name} is not a ${kind}`;
    }
    return undefined;
  };
}

function all(...checks: Check[]): Check {
  return (value) => {
    for (const check of checks) {
      const problem = check(value);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

function nested(name: string, check: Check): Check {
  return (value) => {
    const inner = isRecord(value) ? value[name] : undefined;
    if (inner === undefined || inner === null) return undefined;
    const problem = check(inner);
    return problem === undefined ? undefined : `${name}: ${problem}`;
  };
}

const papertrailEvent = fields({ id: 'string', message: 'string' }, { received_at: 'string' });

export const papertrailSearch: Check = all(
  fields(
    { events: 'array' },
    { min_id: 'string', max_id: 'string', reached_record_limit: 'boolean', reached_time_limit: 'boolean' },
  ),
  nested('events', arrayOf(papertrailEvent)),
);

const datadogLog = all(
  fields({ id: 'string', attributes: 'object' }),
  nested('attributes', fields({}, { timestamp: 'string', message: 'string', service: 'string', tags: 'array' })),
);

export const datadogSearch: Check = all(
  fields({ data: 'array' }, { meta: 'object', links: 'object' }),
  nested('data', arrayOf(datadogLog)),
  nested('meta', nested('page', fields({}, { after: 'string' }))),
);

export const betterstackLiveTail: Check = all(
  fields({ data: 'array' }, { pagination: 'object' }),
  nested('data', arrayOf(fields({ dt: 'string' }))),
  nested('pagination', fields({}, { next: 'string' })),
);
