// What the tail engine needs from the network, as an interface that cli/ wires to the real
// OpenWhisk client (core never imports api/). Records are the raw wire objects, newest first.

export interface RangeQuery {
  /** Inclusive lower bound on start (epoch ms). */
  since?: number;
  /** Inclusive upper bound on start (epoch ms); undefined = open. */
  upto?: number;
  /** Server-side function filter (`fn` or `pkg/fn`). */
  name?: string;
  /** Not retried on failure: a sweep asks again on its next run instead (and adds no load in an outage). */
  once?: boolean;
}

export interface ListQuery extends RangeQuery {
  limit: number;
  skip?: number;
  docs: boolean;
}

/** A wire record as the API returned it; the client has checked these two fields. */
export type RawRecord = { activationId: string; start: number } & Record<string, unknown>;

export interface ActivationSource {
  count(query: RangeQuery): Promise<number>;
  list(query: ListQuery): Promise<RawRecord[]>;
  /** The largest timeout limit (ms) of the namespace's functions, when it can be known cheaply. */
  maxTimeoutMs?(): Promise<number | undefined>;
}

/** The parts of an api error the engine reacts to (structural, so core does not import api/). */
export interface SourceError {
  kind?: string;
  message: string;
  retryAfterMs?: number;
}

export function describeSourceError(error: unknown): SourceError {
  if (error && typeof error === 'object' && 'message' in error) {
    const { kind, message, retryAfterMs } = error as Partial<SourceError>;
    return {
      kind: typeof kind === 'string' ? kind : undefined,
      message: String(message),
      retryAfterMs: typeof retryAfterMs === 'number' ? retryAfterMs : undefined,
    };
  }
  return { message: String(error) };
}
