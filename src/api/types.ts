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
