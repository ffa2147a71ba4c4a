// The HTTP server: parses each request, injects faults on GETs, dispatches to /api/v1 or /v2,
// writes the reply, and counts requests and bytes. No request can crash it: every failure
// becomes an error reply.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { doError, handleDoApi, type DoApiContext } from './do-api.js';
import type { FaultInjector, FaultRule } from './faults.js';
import { BadRequest, NOT_FOUND, owError, type Reply, type Request } from './http.js';
import type { Random } from './random.js';
import { handleOpenWhisk, type OpenWhiskContext } from './routes.js';
import type { LogSinks } from './logsinks/index.js';
import type { Scheduler } from './scheduler.js';
import type { WebInvoker } from './web.js';

// Required, not imported: importing node:http as an ES module makes Node load its whole fetch
// implementation (for the WebSocket export) — about 35 ms before the demo's first frame.
const { createServer } = createRequire(import.meta.url)('node:http') as typeof import('node:http');

export interface ServerContext {
  openWhisk: OpenWhiskContext;
  doApi: DoApiContext;
  faults: FaultInjector;
  slowMs: number;
  scheduler: Scheduler;
  /** Transaction ids for error bodies. */
  txids: Random;
  /** The emulated log destinations (their own faults: setFaults does not touch them). */
  logSinks?: LogSinks;
  web?: WebInvoker;
}

/** akka's default texts, which OpenWhisk wraps in its error body. */
const STATUS_MESSAGES: Record<number, string> = {
  400: 'The request contains bad syntax or cannot be fulfilled.',
  403: 'The supplied authentication is not authorized to access this resource.',
  404: NOT_FOUND,
  408: 'The server timed out waiting for the request.',
  429: 'The user has sent too many requests in a given amount of time.',
  500: 'There was an internal server error.',
  502: 'The server was acting as a gateway or proxy and received an invalid response from the upstream server.',
  503: 'The server is currently unavailable (because it is overloaded or down for maintenance).',
  504: 'The server was acting as a gateway or proxy and did not receive a timely response from the upstream server.',
};

function readBody(message: IncomingMessage, limit: number): Promise<{ size: number; text: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    message.on('end', () => resolve({ size, text: Buffer.concat(chunks).toString('utf8') }));
    message.on('error', reject);
  });
}

/** Splits "/a/b/?q" by hand: `new URL` would read "//host/x" as a host. Throws URIError on bad escapes. */
function parseTarget(target: string): { segments: string[]; trailingSlash: boolean; query: URLSearchParams } {
  const mark = target.indexOf('?');
  const path = mark < 0 ? target : target.slice(0, mark);
  const query = new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1));
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeURIComponent);
  return { segments, trailingSlash: path.length > 1 && path.endsWith('/'), query };
}

export class EmulatorServer {
  readonly server: Server;
  requests = 0;
  bytesSent = 0;

  constructor(private readonly context: ServerContext) {
    this.server = createServer((message, response) => this.handle(message, response));
    this.server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private handle(message: IncomingMessage, response: ServerResponse): void {
    this.requests++;
    const txid = this.context.txids.hex(32);
    const isDoApi = /^\/v2(?:[/?]|$)/.test(message.url ?? '');
    const toLogSink = this.context.logSinks?.servesUrl(message.url ?? '/') ?? false;
    const fault = message.method === 'GET' && !toLogSink ? this.context.faults.draw() : undefined;
    if (fault?.kind === 'reset') {
      message.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      this.write(response, this.faultReply(fault.status, isDoApi, txid));
      return;
    }
    this.dispatch(message, txid, isDoApi)
      .catch((error: unknown) =>
        error instanceof BadRequest || error instanceof URIError
          ? owError(400, error instanceof BadRequest ? error.message : STATUS_MESSAGES[400]!, txid)
          : owError(500, STATUS_MESSAGES[500]!, txid),
      )
      .then((reply) => this.deliver(response, reply, fault))
      .catch(() => response.destroy());
  }

  private async dispatch(message: IncomingMessage, txid: string, isDoApi: boolean): Promise<Reply> {
    const target = parseTarget(message.url ?? '/');
    const request: Request = {
      method: message.method ?? 'GET',
      ...target,
      headers: message.headers,
      txid,
      readBody: (limit) => readBody(message, limit),
    };
    if (isDoApi && target.segments[0] === 'v2') return handleDoApi(request, this.context.doApi);
    if (this.context.logSinks?.serves(target)) return this.context.logSinks.handle(request);
    if (this.context.web?.serves(target)) return this.context.web.handle(request);
    if (target.segments[0] === 'api' && target.segments[1] === 'v1')
      return handleOpenWhisk(request, this.context.openWhisk);
    return owError(404, NOT_FOUND, txid);
  }

  private faultReply(status: number, isDoApi: boolean, txid: string): Reply {
    const retryAfter = status === 429 ? { 'retry-after': '1' } : undefined;
    if (isDoApi) return doError(status, retryAfter);
    return owError(status, STATUS_MESSAGES[status] ?? `Request failed with status ${status}.`, txid, retryAfter);
  }

  private deliver(response: ServerResponse, reply: Reply, fault: FaultRule | undefined): void {
    if (fault?.kind === 'garbage') {
      // A 200 whose JSON stops halfway: any proper prefix of an object or array is invalid.
      reply = { status: 200, body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) };
    }
    if (fault?.kind === 'slow') this.context.scheduler.after(this.context.slowMs, () => this.write(response, reply));
    else this.write(response, reply);
  }

  private write(response: ServerResponse, reply: Reply): void {
    if (response.destroyed || response.headersSent) return;
    const body = Buffer.from(reply.body, 'utf8');
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': String(body.length),
      ...reply.headers,
    });
    response.end(body);
    this.bytesSent += body.length;
  }
}
