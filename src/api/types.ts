// The wire schema shared by the API client and the emulator (../shared/reference/functions-api.md).
// Only wire shapes live here: no behaviour, no normalisation (that is core/activation.ts).

/** Server limits the client and the emulator both assume (reference §2.1, §10). */
export const LIST_LIMIT_DEFAULT = 30;
export const LIST_LIMIT_MAX = 200;
export const BLOCKING_WAIT_MS = 30_000;
export const INVOKE_TIMEOUT_MAX_MS = 60_000;
export const RETENTION_MS = 72 * 60 * 60 * 1000;
export const LOG_CAP_BYTES = 262_144;
export const ACTIVATION_ID_HEADER = 'x-openwhisk-activation-id';
export const ACTIVATION_ID_PATTERN = /^[0-9a-f]{32}$/;

/** Wire statusCode (summaries only) -> response.status text (reference §3.4). */
export const STATUS_TEXT = ['success', 'application error', 'action developer error', 'whisk internal error'] as const;
export type WireStatusCode = 0 | 1 | 2 | 3;
export type WireStatusText = (typeof STATUS_TEXT)[number];

export interface WireAnnotation {
  key: string;
  value: unknown;
}

export interface WireLimits {
  timeout: number;
  memory: number;
  logs: number;
  concurrency?: number;
}

export interface WireActivationResponse {
  status: string;
  success: boolean;
  result?: unknown;
  size?: number;
  /** Only in records printed by doctl/wsk; the server never sends it. */
  statusCode?: number;
}

/** Full record: GET by id, docs=true list, blocking invoke body (reference §3.1). */
export interface WireActivation {
  namespace: string;
  name: string;
  version: string;
  subject?: string;
  activationId: string;
  cause?: string;
  start: number;
  end?: number;
  duration?: number;
  response: WireActivationResponse;
  logs: string[];
  annotations: WireAnnotation[];
  publish: boolean;
}

/** Summary: docs=false list (reference §3.2). */
export interface WireActivationSummary {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: WireAnnotation[];
  activationId: string;
  start: number;
  end?: number;
  duration?: number;
  cause?: string;
  statusCode?: number;
}

export interface WireActivationCount {
  activations: number;
}

export interface WireActivationLogs {
  logs: string[];
}

export interface WireActivationResult {
  result: unknown;
  size?: number;
  status: string;
  success: boolean;
}

export interface WireInvokeAccepted {
  activationId: string;
}

export interface WireError {
  error: string;
  code: string;
}

export interface WireParameter {
  key: string;
  value: unknown;
  init?: boolean;
}

export interface WireActionSummary {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: WireAnnotation[];
  limits: WireLimits;
  exec: { binary: boolean };
  updated: number;
}

export interface WireAction {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: WireAnnotation[];
  limits: WireLimits;
  exec: { kind: string; binary: boolean; main?: string; code?: string; components?: string[] };
  parameters: WireParameter[];
  updated?: number;
}

export interface WirePackageSummary {
  namespace: string;
  name: string;
  version: string;
  publish: boolean;
  annotations: WireAnnotation[];
  binding: false | { namespace: string; name: string };
  updated: number;
}

/** DO API v2 (reference §7). */
export interface FunctionsNamespace {
  api_host: string;
  namespace: string;
  created_at: string;
  updated_at: string;
  label: string;
  region: string;
  uuid: string;
  key: string;
}

export interface FunctionsTrigger {
  namespace: string;
  function: string;
  type: string;
  name: string;
  is_enabled: boolean;
  created_at: string;
  updated_at: string;
  scheduled_details?: { cron: string; body?: Record<string, unknown> };
  scheduled_runs?: { last_run_at?: string; next_run_at?: string };
}

// ---- Log-forwarding destinations (log-forwarding.md) --------------------------------------------

/** What the runtime sends to Papertrail and Logtail/Better Stack for each output line (§3.2). */
export interface ForwardedLogtailLine {
  message: string;
  /** Go layout `2006-01-02 15:04:05.000000000 UTC`. */
  dt: string;
  host: string;
  appname: string;
  activationId: string;
}

/** What the runtime sends to Datadog (§3.2); a JSON line's own fields replace `message`. */
export interface ForwardedDatadogLine {
  message?: string;
  /** Epoch ms. */
  date: number;
  ddsource: string;
  service: string;
  /** `host:<action path>,activationid:<id>`. */
  ddtags: string;
  [field: string]: unknown;
}

/** Papertrail classic search API (§5). Ids are 64-bit: strings on our side. */
export interface PapertrailEvent {
  id: string;
  received_at: string;
  generated_at?: string;
  display_received_at?: string;
  source_name?: string;
  source_id?: number;
  source_ip?: string;
  hostname?: string;
  program?: string | null;
  severity?: string;
  facility?: string;
  /** For DO traffic: one or more newline-joined JSON lines (ForwardedLogtailLine). */
  message: string;
}

export interface PapertrailSearchResponse {
  events: PapertrailEvent[];
  /** Lowest and highest ids examined (not only returned): the next page starts at max_id. */
  min_id: string;
  max_id: string;
  min_time_at?: string;
  max_time_at?: string;
  reached_beginning?: boolean;
  reached_end?: boolean;
  reached_record_limit?: boolean;
  reached_time_limit?: boolean;
}

/** Datadog Logs Search API v2, POST /api/v2/logs/events/search (§6). */
export interface DatadogSearchRequest {
  filter?: { query?: string; from?: string; to?: string; indexes?: string[]; storage_tier?: string };
  sort?: 'timestamp' | '-timestamp';
  page?: { limit?: number; cursor?: string };
  options?: { timezone?: string };
}

export interface DatadogLog {
  id: string;
  type: 'log';
  attributes: {
    timestamp?: string;
    message?: string;
    service?: string;
    host?: string;
    status?: string;
    tags?: string[];
    /** The user's own fields when the line was JSON. */
    attributes?: Record<string, unknown>;
  };
}

export interface DatadogSearchResponse {
  data: DatadogLog[];
  links?: { next?: string };
  meta?: {
    elapsed?: number;
    page?: { after?: string };
    request_id?: string;
    status?: 'done' | 'timeout';
    warnings?: Array<{ code?: string; detail?: string; title?: string }>;
  };
}

/** Better Stack Query API v2 live tail (§7.2): the forwarded JSON flattened into fields. */
export interface BetterstackRow {
  dt: string;
  message?: string;
  source_id?: string | number;
  host?: string;
  appname?: string;
  activationId?: string;
  [field: string]: unknown;
}

export interface BetterstackLiveTailResponse {
  data: BetterstackRow[];
  pagination?: { next?: string | null };
}
