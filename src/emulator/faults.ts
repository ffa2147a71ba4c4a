// Fault injection for GET requests: "500:0.05,429:0.05,reset:0.02,slow:0.01,garbage:0.01".
// Each request draws once from a seeded stream, so a given seed and request order give the same faults.
import { Random } from './random.js';

export type FaultRule =
  { kind: 'status'; status: number; probability: number } | { kind: 'reset' | 'slow' | 'garbage'; probability: number };

const NAMED_KINDS = ['reset', 'slow', 'garbage'] as const;

function parseRule(item: string): FaultRule {
  const match = /^([^:]+):([^:]+)$/.exec(item);
  if (!match) throw new Error(`bad fault '${item}': expected KIND:PROBABILITY, e.g. 500:0.05`);
  const kind = (match[1] ?? '').trim().toLowerCase();
  const probabilityText = (match[2] ?? '').trim();
  const probability = /^(?:\d+(?:\.\d*)?|\.\d+)$/.test(probabilityText) ? Number(probabilityText) : Number.NaN;
  if (!(probability >= 0 && probability <= 1)) {
    throw new Error(`fault probability must be a number from 0 to 1 (got '${probabilityText}' in '${item}')`);
  }
  if ((NAMED_KINDS as readonly string[]).includes(kind)) {
    return { kind: kind as (typeof NAMED_KINDS)[number], probability };
  }
  if (/^\d{3}$/.test(kind) && Number(kind) >= 400 && Number(kind) <= 599) {
    return { kind: 'status', status: Number(kind), probability };
  }
  throw new Error(`unknown fault kind '${kind}': use an HTTP status 400-599, reset, slow or garbage`);
}

function ruleName(rule: FaultRule): string {
  return rule.kind === 'status' ? String(rule.status) : rule.kind;
}

/** Parses a fault spec; "" means no faults. Throws an Error whose message can be shown as is. */
export function parseFaults(spec: string): FaultRule[] {
  const items = spec
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const rules = items.map(parseRule);
  const seen = new Set<string>();
  for (const rule of rules) {
    const name = ruleName(rule);
    if (seen.has(name)) throw new Error(`fault '${name}' is given twice`);
    seen.add(name);
  }
  const total = rules.reduce((sum, rule) => sum + rule.probability, 0);
  if (total > 1 + 1e-9) throw new Error(`fault probabilities add up to ${Number(total.toFixed(6))}, more than 1`);
  return rules;
}

/** Decides, request by request, whether a fault applies. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private readonly random: Random;

  constructor(seed: number, spec = '') {
    this.random = new Random(seed, 'faults');
    this.set(spec);
  }

  set(spec: string): void {
    this.rules = parseFaults(spec);
  }

  /** The fault for the next GET request, or undefined for a normal answer. */
  draw(): FaultRule | undefined {
    if (this.rules.length === 0) return undefined;
    let r = this.random.next();
    for (const rule of this.rules) {
      r -= rule.probability;
      if (r < 0) return rule;
    }
    return undefined;
  }
}
