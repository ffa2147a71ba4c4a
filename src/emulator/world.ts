// The emulated account: the namespace identity (from the seed) and its packages and functions.
// Behaviours live in functions.ts; this file is only the deployed metadata the API shows.
import type { WireLimits, WireParameter } from '../api/types.js';
import { Random } from './random.js';

export interface Identity {
  /** OpenWhisk namespace, "fn-<uuid>". */
  namespace: string;
  /** Credential "uuid:key" halves. */
  uuid: string;
  key: string;
  /** Invoking subject, also DO's `uuid` annotation (40 hex, like the DO docs record). */
  subject: string;
  /** DO's `user_id` annotation (a numeric string). */
  userId: string;
  doToken: string;
}

export function createIdentity(seed: number): Identity {
  const random = new Random(seed, 'identity');
  return {
    namespace: `fn-${random.uuid()}`,
    uuid: random.uuid(),
    key: random.hex(64),
    subject: random.hex(40),
    userId: String(random.int(1_000_000, 9_999_999)),
    doToken: `dop_v1_${random.hex(64)}`,
  };
}

/** A LOG_DESTINATIONS service, named as the runtime names it. */
export type Destination = 'papertrail' | 'datadog' | 'logtail';

export interface ActionSpec {
  pkg?: string;
  name: string;
  /** "pkg/name" or "name": what `name=` on the list API matches. */
  key: string;
  kind: string;
  version: string;
  limits: WireLimits;
  /** Bound parameters, shown by GET action and merged under the invoke parameters. */
  parameters: WireParameter[];
  /** Bound parameters are final: an invoke may not override them (400). */
  finalParameters: boolean;
  /** Set when the function has LOG_DESTINATIONS; never shown by the API. */
  logDestination?: Destination;
  /** Sequence components, as keys of other actions. */
  components?: string[];
  /** Share of generated traffic; 0 = only ever invoked through the API or as a component. */
  weight: number;
  /** Eligible for the long-running share of traffic (its timeout allows 40 s runs). */
  longRunning: boolean;
  updated: number;
  code: string;
}

export interface PackageSpec {
  name: string;
  version: string;
  updated: number;
}

function limits(timeout: number, memory: number): WireLimits {
  return { concurrency: 1, logs: 16, memory, timeout };
}

const day = (iso: string): number => Date.parse(`${iso}T10:00:00Z`);

type ActionInput = Omit<ActionSpec, 'key' | 'parameters' | 'finalParameters' | 'longRunning' | 'limits'> &
  Partial<Pick<ActionSpec, 'parameters' | 'finalParameters' | 'longRunning'>> & { timeout?: number; memory?: number };

function action(input: ActionInput): ActionSpec {
  const { timeout = 3000, memory = 256, ...rest } = input;
  return {
    parameters: [],
    finalParameters: false,
    longRunning: false,
    ...rest,
    key: input.pkg ? `${input.pkg}/${input.name}` : input.name,
    limits: limits(timeout, memory),
  };
}

export const PACKAGES: PackageSpec[] = [
  { name: 'sample', version: '0.0.5', updated: day('2024-11-02') },
  { name: 'billing', version: '0.0.9', updated: day('2025-01-14') },
  { name: 'images', version: '0.0.4', updated: day('2024-12-09') },
  { name: 'api', version: '0.0.12', updated: day('2025-02-20') },
  { name: 'cron', version: '0.0.2', updated: day('2024-10-30') },
  { name: 'pipelines', version: '0.0.3', updated: day('2024-12-10') },
];

export const ACTIONS: ActionSpec[] = [
  action({
    pkg: 'sample',
    name: 'hello',
    kind: 'nodejs:18',
    version: '0.0.5',
    memory: 128,
    weight: 18,
    updated: day('2024-11-02'),
    code: 'function main(args) {\n  const name = args.name || "stranger";\n  console.log(`Hello ${name}`);\n  return { body: `Hello ${name}` };\n}',
  }),
  action({
    pkg: 'sample',
    name: 'delay',
    kind: 'nodejs:18',
    version: '0.0.2',
    timeout: 60_000,
    memory: 128,
    weight: 2,
    updated: day('2024-11-03'),
    code: 'async function main({ ms = 1000 }) {\n  await new Promise((r) => setTimeout(r, ms));\n  return { body: { sleptMs: ms } };\n}',
  }),
  action({
    pkg: 'billing',
    name: 'charge',
    kind: 'nodejs:18',
    version: '0.0.7',
    weight: 14,
    updated: day('2025-01-14'),
    parameters: [
      { key: 'currency', value: 'usd' },
      { key: 'processor', value: 'stripe-test' },
    ],
    finalParameters: true,
    code: 'exports.main = async ({ orderId, amount, card, currency }) => charge(orderId, amount, card, currency);',
  }),
  action({
    pkg: 'billing',
    name: 'refund',
    kind: 'python:3.11',
    version: '0.0.4',
    timeout: 60_000,
    weight: 5,
    longRunning: true,
    logDestination: 'datadog',
    updated: day('2025-01-10'),
    code: 'def main(args):\n    return refund(args["chargeId"])',
  }),
  action({
    pkg: 'images',
    name: 'thumbnail',
    kind: 'go:1.21',
    version: '0.0.4',
    timeout: 5000,
    memory: 512,
    weight: 10,
    logDestination: 'logtail',
    updated: day('2024-12-09'),
    parameters: [{ key: 'bucket', value: 'media-uploads' }],
    code: 'func Main(args map[string]interface{}) map[string]interface{} { return thumbnail(args) }',
  }),
  action({
    pkg: 'images',
    name: 'resize',
    kind: 'python:3.11',
    version: '0.0.3',
    timeout: 10_000,
    memory: 512,
    weight: 0,
    updated: day('2024-12-08'),
    code: 'def main(args):\n    return resize(args["key"], args.get("width", 1024))',
  }),
  action({
    pkg: 'images',
    name: 'tag',
    kind: 'nodejs:18',
    version: '0.0.3',
    weight: 0,
    updated: day('2024-12-08'),
    code: 'exports.main = async ({ key }) => ({ key, tags: await detectLabels(key) });',
  }),
  action({
    pkg: 'pipelines',
    name: 'resize-and-tag',
    kind: 'sequence',
    version: '0.0.3',
    timeout: 60_000,
    weight: 5,
    updated: day('2024-12-10'),
    components: ['images/resize', 'images/tag'],
    code: '',
  }),
  action({
    pkg: 'api',
    name: 'users',
    kind: 'php:8.2',
    version: '0.0.12',
    memory: 128,
    weight: 18,
    updated: day('2025-02-20'),
    code: '<?php\nfunction main(array $args): array { return findUser((int) $args["userId"]); }',
  }),
  action({
    pkg: 'api',
    name: 'webhook',
    kind: 'nodejs:18',
    version: '0.0.6',
    weight: 9,
    logDestination: 'papertrail',
    updated: day('2025-02-18'),
    code: 'exports.main = async ({ event, signature }) => verifyAndQueue(event, signature);',
  }),
  action({
    pkg: 'cron',
    name: 'cleanup',
    kind: 'python:3.11',
    version: '0.0.2',
    timeout: 300_000,
    weight: 2,
    longRunning: true,
    updated: day('2024-10-30'),
    code: 'def main(args):\n    return cleanup(verbose=args.get("verbose", False))',
  }),
  action({
    name: 'healthcheck',
    kind: 'nodejs:18',
    version: '0.0.1',
    memory: 128,
    weight: 8,
    updated: day('2024-09-15'),
    code: 'function main() {\n  return { body: { status: "ok" } };\n}',
  }),
];

const ACTIONS_BY_KEY = new Map(ACTIONS.map((spec) => [spec.key, spec]));

export function findAction(key: string): ActionSpec | undefined {
  return ACTIONS_BY_KEY.get(key);
}

/** The `path` annotation: "<ns>/<pkg>/<fn>" or "<ns>/<fn>". */
export function actionPath(namespace: string, spec: ActionSpec): string {
  return `${namespace}/${spec.key}`;
}
