// The monitor's namespace picker, as cli/ serves it: every namespace the credentials on this
// machine reach (config/choices.ts), plus any extra one the caller adds (the demo's emulator), as
// plain data for the TUI; and a ready client for the one picked.
import type { OpenWhiskClient } from '../api/openwhisk.js';
import { listNamespaceChoices, rememberChoice, targetForChoice, type NamespaceChoice } from '../config/choices.js';
import type { ConnectionFlags, Target } from '../config/target.js';
import type { MonitorTarget, NamespaceList, NamespaceOption } from '../core/monitor.js';
import { clientFor } from './connect.js';

/** Where a stream runs: enough to tell which listed namespace it is. */
export interface Place {
  apihost: string;
  namespace?: string;
}

export interface OpenedNamespace {
  client: OpenWhiskClient;
  target: MonitorTarget;
  place: Place;
}

/** A namespace that is not in the credential sources, e.g. the demo's emulator. */
export interface ExtraNamespace {
  option: Omit<NamespaceOption, 'current'>;
  place: Place;
  open(): OpenedNamespace;
}

export interface NamespaceDirectory {
  /** The options, with the one at `current` marked. */
  list(current: Place): Promise<NamespaceList>;
  /** Connects to an option of the last list; for a DO namespace this asks the DO API for its key. */
  open(key: string): Promise<OpenedNamespace>;
}

export function namespaceDirectory(
  env: NodeJS.ProcessEnv,
  flags: ConnectionFlags,
  extras: readonly ExtraNamespace[] = [],
): NamespaceDirectory {
  let listed = new Map<string, NamespaceChoice>();
  return {
    async list(current) {
      const warnings: string[] = [];
      const choices = await listNamespaceChoices(env, flags, (warning) => warnings.push(warning));
      listed = new Map(choices.map((choice) => [choice.key, choice]));
      const options = [
        ...extras.map((extra) => ({ ...extra.option, current: samePlace(extra.place, current) })),
        ...choices.map((choice) => optionOf(choice, current)),
      ];
      return { options, warnings };
    },
    async open(key) {
      const extra = extras.find((candidate) => candidate.option.key === key);
      if (extra) return extra.open();
      const choice = listed.get(key);
      if (!choice) throw new Error('that namespace is no longer listed: open the picker again');
      const target = await targetForChoice(choice);
      rememberChoice(env, choice);
      return { client: clientFor(target, 0), target: monitorTarget(target), place: placeOf(target) };
    },
  };
}

/** The header's view of a resolved target: a DO label with its id, else the namespace. */
export function monitorTarget(target: Target): MonitorTarget {
  const namespace = target.namespace ?? 'default namespace';
  return {
    namespaceLabel: target.label && target.label !== namespace ? `${target.label} · ${namespace}` : namespace,
    apiHost: new URL(target.apihost).host,
  };
}

export function placeOf(target: Target): Place {
  return { apihost: target.apihost, ...(target.namespace && { namespace: target.namespace }) };
}

function optionOf(choice: NamespaceChoice, current: Place): NamespaceOption {
  return {
    key: choice.key,
    label: choice.label,
    apiHost: hostOf(choice.apihost),
    source: choice.source,
    current: samePlace(choice, current),
    ...(choice.namespace && { namespace: choice.namespace }),
    ...(choice.region && { region: choice.region }),
  };
}

function samePlace(a: Place, b: Place): boolean {
  return a.apihost === b.apihost && (a.namespace ?? '') === (b.namespace ?? '');
}

function hostOf(apihost: string): string {
  try {
    return new URL(apihost).host;
  } catch {
    return apihost;
  }
}
