// Which functions forward their logs and where (project.yml's LOG_DESTINATIONS, or the notice
// line in a record), and the text that tells a person what to configure when fnmon cannot read
// the destination back. Pure.
import { isLogForwardingNotice, parseLogLine } from './logline.js';
import type { DestinationsReading } from './log-destinations.js';
import { SOURCE_OF_DESTINATION, type ForwardedSourceName } from './forwarded-types.js';

/** The part of an activation the hints look at (core's Activation fits). */
export interface ActivationLike {
  fn: string;
  /** Full records only; summaries have none. */
  logs?: readonly string[];
}

export const SOURCE_LABEL: Readonly<Record<ForwardedSourceName, string>> = {
  papertrail: 'Papertrail',
  datadog: 'Datadog',
  betterstack: 'Better Stack',
};

const SETUP: Readonly<Record<ForwardedSourceName, readonly string[]>> = {
  papertrail: [
    'Papertrail: set PAPERTRAIL_API_TOKEN (the API token on your Papertrail profile page),',
    '  or log-sources: { papertrail: { token: … } } under the context in config.yaml',
  ],
  datadog: [
    'Datadog: set DD_API_KEY and DD_APP_KEY (an application key with logs_read_data), and DD_SITE unless it is datadoghq.com,',
    '  or log-sources: { datadog: { api-key: …, app-key: …, site: … } } under the context in config.yaml',
  ],
  betterstack: [
    'Better Stack: set BETTERSTACK_API_TOKEN (a Telemetry API token) and BETTERSTACK_SOURCE_IDS (comma-separated),',
    '  or log-sources: { betterstack: { token: …, source-ids: [ … ] } } under the context in config.yaml',
  ],
};

/** What a person must set to read `source`; `missing` says what is there but incomplete. */
export function setupText(source: ForwardedSourceName, missing?: string): string {
  const lines = [...SETUP[source]];
  if (missing) lines.push(`  (now: ${missing})`);
  return lines.join('\n');
}

export class ForwardingDirectory {
  constructor(
    private readonly destinations: ReadonlyMap<string, DestinationsReading>,
    /** Sources fnmon has read credentials for. */
    private readonly configured: ReadonlySet<ForwardedSourceName>,
    /** Sources whose credentials are only partly given, with what is missing. */
    private readonly incomplete: Readonly<Partial<Record<ForwardedSourceName, string>>> = {},
  ) {}

  /** True when the function's output goes to a destination rather than into its records. */
  forwards(activation: ActivationLike): boolean {
    const reading = this.destinations.get(activation.fn);
    if (reading?.kind === 'destinations' || reading?.kind === 'templated') return true;
    return (activation.logs ?? []).some((line) => isLogForwardingNotice(parseLogLine(line).message));
  }

  /** The sources project.yml routes `fn`'s logs to; undefined when it does not say. */
  sourcesFor(fn: string): ForwardedSourceName[] | undefined {
    const reading = this.destinations.get(fn);
    return reading?.kind === 'destinations' ? reading.destinations.map((d) => SOURCE_OF_DESTINATION[d]) : undefined;
  }

  /** Sources that project.yml routes logs to, or that are partly configured, but cannot be read. */
  unconfiguredSources(): ForwardedSourceName[] {
    const wanted = new Set<ForwardedSourceName>(Object.keys(this.incomplete) as ForwardedSourceName[]);
    for (const reading of this.destinations.values()) {
      if (reading.kind !== 'destinations') continue;
      for (const destination of reading.destinations) wanted.add(SOURCE_OF_DESTINATION[destination]);
    }
    return [...wanted].filter((source) => !this.configured.has(source)).sort();
  }

  /** What to set to read `source`, including what is missing now. */
  setupFor(source: ForwardedSourceName): string {
    return setupText(source, this.incomplete[source]);
  }

  /** project.yml functions whose LOG_DESTINATIONS is malformed, with the runtime's complaint. */
  problems(): { fn: string; problem: string }[] {
    return [...this.destinations]
      .flatMap(([fn, reading]) => (reading.kind === 'malformed' ? [{ fn, problem: reading.problem }] : []))
      .sort((a, b) => a.fn.localeCompare(b.fn));
  }

  /** The log pane's "what to configure" text, or undefined when there is nothing to say. */
  hintFor(activation: ActivationLike): string | undefined {
    const reading = this.destinations.get(activation.fn);
    if (reading?.kind === 'malformed') {
      return `LOG_DESTINATIONS of ${activation.fn} in project.yml is malformed, so its logs may go nowhere:\n${reading.problem}`;
    }
    if (!this.forwards(activation)) return undefined;
    const known =
      reading?.kind === 'destinations' ? reading.destinations.map((d) => SOURCE_OF_DESTINATION[d]) : undefined;
    // Where it goes is unknown: any readable source may have the lines.
    if (!known && this.configured.size > 0) return undefined;
    const missing = (known ?? (['papertrail', 'datadog', 'betterstack'] as const)).filter(
      (s) => !this.configured.has(s),
    );
    if (missing.length === 0) return undefined;
    const where = known ? `to ${known.map((source) => SOURCE_LABEL[source]).join(' and ')}` : 'to a log service';
    const lead = [
      `${activation.fn} forwards its logs ${where} (LOG_DESTINATIONS): its records hold only a notice.`,
      `To show the lines here, give fnmon a read credential (not the ingest token in LOG_DESTINATIONS):`,
    ];
    if (!known) lead.push('(pass --project DIR so fnmon can tell from project.yml which service it is)');
    return [...lead, ...missing.map((source) => this.setupFor(source))].join('\n');
  }
}
