import { describe, expect, it } from 'vitest';
import {
  ApiError,
  errorFromStatus,
  isApiError,
  parseRetryAfter,
  redact,
  serverMessage,
  type ErrorContext,
} from '../../src/api/errors.js';

const KEY = 'Xk3vQ9pLm2Zr8tYw';
const ctx: ErrorContext = {
  origin: 'https://faas.example',
  credentialName: 'namespace key',
  secrets: [`uuid:${KEY}`, KEY],
};
const response = (status: number, body = '', headers: Record<string, string> = {}) => ({ status, headers, body });

describe('ApiError', () => {
  it('is an Error with a kind, and isApiError recognises it', () => {
    const error = new ApiError('server', 'boom', { status: 500 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ApiError', kind: 'server', status: 500, message: 'boom' });
    expect(error.retryAfterMs).toBeUndefined();
    expect(isApiError(error)).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError({ kind: 'server' })).toBe(false);
  });
});

describe('redact', () => {
  it('removes every secret, control characters, and caps the length', () => {
    expect(redact(`key ${KEY} and uuid:${KEY}`, ctx.secrets)).toBe('key [redacted] and [redacted]');
    expect(redact('a\u001b[31mred\u0007\nline', [])).toBe('a [31mred line');
    expect(redact('x'.repeat(1000), []).length).toBeLessThan(400);
  });

  it('ignores "secrets" too short to redact without mangling text', () => {
    expect(redact('abc', ['a'])).toBe('abc');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-01T00:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });
  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unparsable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});

describe('serverMessage', () => {
  it('takes OpenWhisk {error} and DO {message}', () => {
    expect(serverMessage('{"error":"The requested resource does not exist.","code":"x"}')).toBe(
      'The requested resource does not exist.',
    );
    expect(serverMessage('{"id":"unauthorized","message":"Unable to authenticate you"}')).toBe(
      'Unable to authenticate you',
    );
  });
  it('quotes short plain text but not HTML or JSON without a message', () => {
    expect(serverMessage('upstream connect error')).toBe('upstream connect error');
    expect(serverMessage('<html><body>502</body></html>')).toBeUndefined();
    expect(serverMessage('{"foo":1}')).toBeUndefined();
    expect(serverMessage('')).toBeUndefined();
  });
});

describe('errorFromStatus', () => {
  it('401 → auth with an actionable message', () => {
    const error = errorFromStatus(
      ctx,
      response(401, '{"error":"The supplied authentication is invalid","code":"c"}'),
      'x',
    );
    expect(error).toMatchObject({ kind: 'auth', status: 401 });
    expect(error.message).toBe(
      'authentication failed for https://faas.example: check the namespace key (401): The supplied authentication is invalid',
    );
  });

  it('maps statuses to kinds', () => {
    const kinds = [403, 404, 408, 413, 400, 429, 500, 503, 302].map(
      (status) => errorFromStatus(ctx, response(status), 'x').kind,
    );
    expect(kinds).toEqual([
      'auth',
      'not-found',
      'timeout',
      'usage',
      'usage',
      'rate-limited',
      'server',
      'server',
      'bad-response',
    ]);
  });

  it('names the missing thing on 404', () => {
    const error = errorFromStatus(
      ctx,
      response(404, '{"error":"The requested resource does not exist."}'),
      'activation abc',
    );
    expect(error.message).toBe(
      'activation abc not found on https://faas.example (404): The requested resource does not exist.',
    );
  });

  it('429 carries Retry-After, or the fallback when the header is missing', () => {
    const withHeader = errorFromStatus(ctx, response(429, '', { 'retry-after': '3' }), 'x', { retryAfterMs: 9000 });
    expect(withHeader).toMatchObject({ kind: 'rate-limited', retryAfterMs: 3000 });
    expect(withHeader.message).toContain('wait 3 s');
    expect(errorFromStatus(ctx, response(429), 'x', { retryAfterMs: 9000 }).retryAfterMs).toBe(9000);
    expect(errorFromStatus(ctx, response(429), 'x').retryAfterMs).toBeUndefined();
  });

  it('never repeats a secret the server echoes back', () => {
    const echoed = JSON.stringify({ error: `bad key uuid:${KEY} (${KEY})` });
    for (const status of [400, 401, 403, 404, 429, 500]) {
      const error = errorFromStatus(ctx, response(status, echoed), `thing ${KEY}`);
      expect(error.message).not.toContain(KEY);
      expect(error.message).toContain('[redacted]');
    }
  });
});
