// Forwarded logs for the monitor and `tail --logs`: one poller per configured destination, the
// lines joined to activations by activationId, orphan entries for ids the stream never delivers,
// per-source health, and the "what to configure" hints. Plain data out, a version counter and
// subscribe() for views; the network only through ForwardedSource (cli wires the api clients).
import { systemClock, type Clock } from './clock.js';
import { ForwardedIndex } from './forwarded-index.js';
import { ForwardingDirectory, type ActivationLike } from './forwarded-hints.js';
import { SourcePoller } from './forwarded-poller.js';
import type {
  ForwardedLine,
  ForwardedSource,
  ForwardedSourceName,
  IncomingLine,
  OrphanEntry,
  SourceHealth,
} from './forwarded-types.js';
import type { DestinationsReading } from './log-destinations.js';

export interface ForwardedLogsOptions {
  /** The destinations fnmon can read (one poller each). */
  sources: readonly ForwardedSource[];
  /** project.yml's LOG_DESTINATIONS by function (`pkg/fn` or `fn`). */
  destinations?: ReadonlyMap<string, DestinationsReading>;
  /** Destinations whose read credentials are only partly given, with what is missing. */
  incomplete?: Readonly<Partial<Record<ForwardedSourceName, string>>>;
  /** How long lines of an unknown activation wait for its record before they are an orphan entry. */
  orphanAfterMs?: number;
  maxLines?: number;
  maxBackoffMs?: number;
  clock?: Clock;
  random?: () => number;
}

/** Called on every change; `touched` lists the activation ids that got lines, were orphaned or adopted. */
export type ForwardedListener = (touched: readonly string[]) => void;

export class ForwardedLogs {
  private readonly index: ForwardedIndex;
  private readonly pollers: SourcePoller[];
  private readonly directory: ForwardingDirectory;
  private readonly listeners = new Set<ForwardedListener>();
  private readonly clock: Clock;
  private currentVersion = 0;
  private healthList: readonly SourceHealth[] | undefined;

  constructor(options: ForwardedLogsOptions) {
    this.clock = options.clock ?? systemClock;
    this.index = new ForwardedIndex({
      ...(options.orphanAfterMs !== undefined && { orphanAfterMs: options.orphanAfterMs }),
      ...(options.maxLines !== undefined && { maxLines: options.maxLines }),
    });
    const configured = new Set(options.sources.map((source) => source.name));
    this.directory = new ForwardingDirectory(options.destinations ?? new Map(), configured, options.incomplete);
    this.pollers = options.sources.map(
      (source) =>
        new SourcePoller(source, {
          clock: this.clock,
          random: options.random ?? Math.random,
          ...(options.maxBackoffMs !== undefined && { maxBackoffMs: options.maxBackoffMs }),
          onLines: (lines) => this.receive(source.name, lines),
          onHealth: () => this.afterPoll(),
        }),
    );
  }

  /** Bumped on every change: lines, orphans, adoption, health. */
  get version(): number {
    return this.currentVersion;
  }

  /** True when at least one destination can be read. */
  get polling(): boolean {
    return this.pollers.length > 0;
  }

  start(): void {
    for (const poller of this.pollers) poller.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.pollers.map((poller) => poller.stop()));
  }

  /** One poll of every source, without the loop (so tests can step it, like TailEngine.pollOnce). */
  async pollOnce(): Promise<void> {
    await Promise.all(this.pollers.map((poller) => poller.pollOnce()));
  }

  subscribe(listener: ForwardedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The stream delivered these activations: their lines are theirs, not orphans. */
  noteActivations(ids: readonly string[]): void {
    const adopted = this.index.markKnown(ids);
    if (adopted.length > 0) this.changed(adopted);
  }

  /** Oldest first; a new array whenever lines are added for this id, else the same one. */
  linesFor(activationId: string): readonly ForwardedLine[] {
    return this.index.linesFor(activationId);
  }

  /** Entries with no activation record, oldest first; the same array until they change. */
  orphans(): readonly OrphanEntry[] {
    return this.index.orphans();
  }

  isOrphan(activationId: string): boolean {
    return this.index.isOrphan(activationId);
  }

  /** Configured sources (in the order given), then destinations in use that fnmon cannot read. */
  sourcesHealth(): readonly SourceHealth[] {
    this.healthList ??= [
      ...this.pollers.map((poller) => poller.health),
      ...this.directory.unconfiguredSources().map((source) => unconfiguredHealth(source, this.directory)),
    ];
    return this.healthList;
  }

  /** The "what to configure" text for the log pane (may hold several lines), or undefined. */
  hintFor(activation: ActivationLike): string | undefined {
    return this.directory.hintFor(activation);
  }

  /** True when the function's output goes to a destination (project.yml, or the notice in its record). */
  forwards(activation: ActivationLike): boolean {
    return this.directory.forwards(activation);
  }

  /** Functions whose LOG_DESTINATIONS in project.yml is malformed. */
  destinationProblems(): { fn: string; problem: string }[] {
    return this.directory.problems();
  }

  /**
   * True when every source that can have `fn`'s lines (its LOG_DESTINATIONS, else all) has finished
   * a poll that started at or after `time`. Sources that are failing are not waited for: their
   * lines, if any, come later.
   */
  polledSince(time: number, fn?: string): boolean {
    const wanted = fn === undefined ? undefined : this.directory.sourcesFor(fn);
    return this.pollers.every((poller) => {
      const { source, state, consecutiveErrors, lastPollStartedAt } = poller.health;
      if (wanted && !wanted.includes(source)) return true;
      if (state === 'stopped' || consecutiveErrors > 0) return true;
      return lastPollStartedAt !== undefined && lastPollStartedAt >= time;
    });
  }

  private receive(source: ForwardedSourceName, lines: readonly IncomingLine[]): void {
    const touched = this.index.add(source, lines, this.clock.now());
    if (touched.length > 0) this.changed(touched);
  }

  private afterPoll(): void {
    this.healthList = undefined;
    this.changed(this.index.promote(this.clock.now()));
  }

  private changed(touched: readonly string[]): void {
    this.currentVersion += 1;
    for (const listener of this.listeners) listener(touched);
  }
}

function unconfiguredHealth(source: ForwardedSourceName, directory: ForwardingDirectory): SourceHealth {
  return {
    source,
    state: 'unconfigured',
    intervalMs: 0,
    consecutiveErrors: 0,
    rateLimited: false,
    lines: 0,
    polls: 0,
    hint: directory.setupFor(source),
  };
}
