// Emulated Better Stack: rows as an HTTP source stores the runtime's JSON lines (flattened into
// fields), and the Query API v2 live tail (log-forwarding.md §7.2): Bearer auth, source_ids,
// from/to/order/batch, and pagination.next whose cursor only holds for unchanged parameters.
import type { BetterstackLiveTailResponse, BetterstackRow, ForwardedLogtailLine } from '../../api/types.js';
import { json, type Reply, type Request } from '../http.js';
import { containsText, parseQuery } from './query.js';

const BATCH_DEFAULT = 100;
const BATCH_MIN = 50;
const BATCH_MAX = 1000;
const DEFAULT_WINDOW_MS = 30 * 60 * 1000;
const MAX_ROWS = 200_000;
const PARAMS = ['source_ids', 'query', 'batch', 'from', 'to', 'order'] as const;

interface StoredRow {
  seq: number;
  /** Epoch ms (sorting), plus the row as served. */
  time: number;
  row: BetterstackRow;
}

export class BetterstackSink {
  /** Ascending by (time, seq). */
  private readonly rows: StoredRow[] = [];
  private seq = 0;

  constructor(
    readonly token: string,
    readonly sourceId: number,
    private readonly now: () => number,
  ) {}

  ingest(lines: ForwardedLogtailLine[]): void {
    for (const line of lines) {
      const time = Date.parse(`${line.dt.slice(0, 23).replace(' ', 'T')}Z`);
      const row: BetterstackRow = { ...line, dt: line.dt.slice(0, 26), source_id: String(this.sourceId) };
      const stored = { seq: ++this.seq, time, row };
      let index = this.rows.length;
      while (index > 0 && this.rows[index - 1]!.time > time) index -= 1;
      this.rows.splice(index, 0, stored);
    }
    if (this.rows.length > MAX_ROWS) this.rows.splice(0, this.rows.length - MAX_ROWS);
  }

  handle(request: Request): Reply {
    if (request.segments.slice(1).join('/') !== 'api/v2/query/live-tail') return json(404, { errors: 'Not found' });
    if (request.method !== 'GET') return json(405, { errors: 'Method not allowed' });
    if (request.headers.authorization !== `Bearer ${this.token}`)
      return json(401, { errors: 'Invalid Telemetry API token' });
    const tail = this.readTail(request.query);
    if (typeof tail === 'string') return json(400, { errors: tail });
    return json(200, this.page(tail, request));
  }

  private page(tail: Tail, request: Request): BetterstackLiveTailResponse {
    const terms = parseQuery(tail.query);
    const order = tail.newestFirst ? -1 : 1;
    const matching = this.rows.filter(
      (stored) =>
        tail.sourceIds.includes(String(this.sourceId)) &&
        stored.time >= tail.from &&
        stored.time <= tail.to &&
        terms.every((term) => containsText(JSON.stringify(stored.row), term)),
    );
    const ordered = tail.newestFirst ? matching.toReversed() : matching;
    const rest = tail.after
      ? ordered.filter(
          (row) =>
            (row.time - tail.after![0]) * order > 0 ||
            (row.time === tail.after![0] && (row.seq - tail.after![1]) * order > 0),
        )
      : ordered;
    const page = rest.slice(0, tail.batch);
    const last = page.at(-1);
    let next: string | null = null;
    if (rest.length > tail.batch && last) {
      const query = new URLSearchParams(tail.params);
      query.set(
        'cursor',
        Buffer.from(JSON.stringify({ after: [last.time, last.seq], params: tail.params.toString() })).toString(
          'base64url',
        ),
      );
      next = `http://${request.headers.host ?? 'localhost'}/${request.segments.join('/')}?${query.toString()}`;
    }
    return { data: page.map((stored) => stored.row), pagination: { next } };
  }

  /** The live-tail parameters, or the 400 message. */
  private readTail(query: URLSearchParams): Tail | string {
    const params = new URLSearchParams();
    for (const name of PARAMS) if (query.get(name) !== null) params.set(name, query.get(name)!);
    const sourceIds = (query.get('source_ids') ?? '').split(',').filter((id) => id !== '');
    if (sourceIds.length === 0 || !sourceIds.every((id) => /^\d+$/.test(id)))
      return 'source_ids must list numeric source ids';
    const batch = query.get('batch') === null ? BATCH_DEFAULT : Number(query.get('batch'));
    if (!Number.isInteger(batch) || batch < BATCH_MIN || batch > BATCH_MAX)
      return `batch must be between ${BATCH_MIN} and ${BATCH_MAX}`;
    const to = query.get('to') === null ? this.now() : isoTime(query.get('to')!);
    const from = query.get('from') === null ? (to ?? 0) - DEFAULT_WINDOW_MS : isoTime(query.get('from')!);
    if (from === undefined || to === undefined)
      return 'from and to must be ISO 8601 times, e.g. 2022-07-19T13:32:56+0000';
    const order = query.get('order') ?? 'newest_first';
    if (order !== 'newest_first' && order !== 'oldest_first') return 'order must be newest_first or oldest_first';
    const tail: Tail = {
      params,
      sourceIds,
      batch,
      from,
      to,
      newestFirst: order === 'newest_first',
      query: query.get('query'),
    };
    const cursorText = query.get('cursor');
    if (cursorText === null) return tail;
    const cursor = decodeCursor(cursorText);
    // The cursor is only valid while no other parameter changes (§7.2).
    if (!cursor || cursor.params !== params.toString()) return 'Invalid cursor for these parameters';
    return { ...tail, after: cursor.after };
  }
}

interface Tail {
  /** Every parameter but the cursor, as sent. */
  params: URLSearchParams;
  sourceIds: string[];
  batch: number;
  from: number;
  to: number;
  newestFirst: boolean;
  query: string | null;
  after?: [number, number];
}

/** `2022-07-19T13:32:56+0000` or any other ISO 8601 form Date.parse takes. */
function isoTime(text: string): number | undefined {
  const parsed = Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(parsed) ? undefined : parsed;
}

function decodeCursor(text: string): { after: [number, number]; params: string } | undefined {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { after?: unknown; params?: unknown };
    return Array.isArray(cursor.after) && typeof cursor.params === 'string'
      ? { after: cursor.after as [number, number], params: cursor.params }
      : undefined;
  } catch {
    return undefined;
  }
}
