// ActivationPlan + real start time -> the full wire record (reference §3.1, §3.3, §3.6, §3.7).
import { LOG_CAP_BYTES, STATUS_TEXT, type WireActivation, type WireAnnotation } from '../api/types.js';
import type { ActivationPlan, PlannedLog } from './plan.js';
import { actionPath, type ActionSpec, type Identity } from './world.js';

const TRUNCATED_NOTICE = `Logs were truncated because the total bytes size exceeds the limit of ${LOG_CAP_BYTES} bytes.`;

/** DO bills GB-seconds in 100 ms steps: 256 MB for 5 ms is 0.025 (the DO docs record). */
export function gigabyteSeconds(memoryMb: number, durationMs: number): number {
  const billedMs = Math.max(100, Math.ceil(durationMs / 100) * 100);
  return Number(((memoryMb / 1024) * (billedMs / 1000)).toFixed(6));
}

/**
 * OpenWhisk pads the timestamp to 30 characters: nanosecond timestamps get one space, the
 * millisecond ones (php here) get seven.
 */
function formatLogLine(epochMs: number, line: PlannedLog, nanoseconds: boolean): string {
  const iso = new Date(epochMs).toISOString();
  const timestamp = nanoseconds ? `${iso.slice(0, -1)}${line.nanos}Z` : iso;
  return `${timestamp.padEnd(30)} ${line.stream}: ${line.message}`;
}

/** Formats log lines, stopping at the 256 KB cap with the platform's truncation line. */
function formatLogs(plan: ActivationPlan, start: number): string[] {
  const nanoseconds = !plan.action.kind.startsWith('php');
  const lines: string[] = [];
  let bytes = 0;
  for (const line of plan.logs) {
    const text = formatLogLine(start + line.offsetMs, line, nanoseconds);
    bytes += Buffer.byteLength(text);
    if (bytes > LOG_CAP_BYTES) {
      const notice: PlannedLog = {
        stream: 'stderr',
        message: TRUNCATED_NOTICE,
        offsetMs: line.offsetMs,
        nanos: line.nanos,
      };
      lines.push(formatLogLine(start + line.offsetMs, notice, nanoseconds));
      break;
    }
    lines.push(text);
  }
  return lines;
}

const TIMEOUT_TRUE: WireAnnotation = Object.freeze({ key: 'timeout', value: true });
const TIMEOUT_FALSE: WireAnnotation = Object.freeze({ key: 'timeout', value: false });
const TOPMOST: WireAnnotation = Object.freeze({ key: 'topmost', value: true });
const CAUSED_BY: WireAnnotation = Object.freeze({ key: 'causedBy', value: 'sequence' });
const ENTRY: WireAnnotation = Object.freeze({ key: 'entry', value: 'main' });

/** Annotations that never change for one function, shared (frozen) by all its records to save memory. */
interface FixedAnnotations {
  path: WireAnnotation;
  kind: WireAnnotation;
  limits: WireAnnotation;
  uuid: WireAnnotation;
  userId: WireAnnotation;
}

/** Builds records for one namespace. */
export class RecordBuilder {
  private readonly fixed = new Map<ActionSpec, FixedAnnotations>();

  constructor(private readonly identity: Identity) {}

  build(plan: ActivationPlan, start: number, cause?: string): WireActivation {
    const result = plan.result;
    const logs = plan.components
      ? plan.components.map((component) => component.plan.activationId)
      : formatLogs(plan, start);
    return {
      namespace: this.identity.namespace,
      name: plan.action.name,
      version: plan.action.version,
      subject: this.identity.subject,
      activationId: plan.activationId,
      ...(cause !== undefined ? { cause } : {}),
      start,
      end: start + plan.spanMs,
      duration: plan.duration,
      response: {
        status: STATUS_TEXT[plan.statusCode],
        success: plan.statusCode === 0,
        result,
        size: Buffer.byteLength(JSON.stringify(result)),
      },
      logs,
      annotations: this.annotations(plan, cause),
      publish: false,
    };
  }

  private annotations(plan: ActivationPlan, cause: string | undefined): WireAnnotation[] {
    const fixed = this.fixedFor(plan.action);
    const isSequence = plan.action.components !== undefined;
    const list: WireAnnotation[] = [fixed.path];
    if (isSequence) list.push(TOPMOST);
    if (cause !== undefined) list.push(CAUSED_BY);
    list.push(
      { key: 'waitTime', value: plan.waitTime },
      fixed.kind,
      plan.timedOut ? TIMEOUT_TRUE : TIMEOUT_FALSE,
      fixed.limits,
    );
    if (plan.initTime !== undefined) list.push({ key: 'initTime', value: plan.initTime });
    if (!isSequence) list.push(ENTRY);
    list.push(fixed.uuid, fixed.userId, {
      key: 'gbs',
      value: gigabyteSeconds(plan.action.limits.memory, plan.duration),
    });
    return list;
  }

  private fixedFor(action: ActionSpec): FixedAnnotations {
    let fixed = this.fixed.get(action);
    if (!fixed) {
      const frozen = (key: string, value: unknown): WireAnnotation =>
        Object.freeze({ key, value: Object.freeze(value) });
      fixed = {
        path: frozen('path', actionPath(this.identity.namespace, action)),
        kind: frozen('kind', action.kind),
        limits: frozen('limits', { ...action.limits }),
        uuid: frozen('uuid', this.identity.subject),
        userId: frozen('user_id', this.identity.userId),
      };
      this.fixed.set(action, fixed);
    }
    return fixed;
  }
}
