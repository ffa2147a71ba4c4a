/* eslint-disable no-control-regex -- these tests look for control characters */
import { describe, expect, it } from 'vitest';
import { normaliseActivation } from '../../src/core/activation.js';
import { jsonLine, toJsonActivation } from '../../src/plain/json.js';
import { coldAppErrorRecord, loadFixture } from '../core/activation-fixtures.js';

describe('JSON-lines output', () => {
  it('maps a record to the documented camelCase fields', () => {
    const activation = normaliseActivation(coldAppErrorRecord())!;
    const json = toJsonActivation(activation, { late: false, logs: true });
    expect(json).toMatchObject({
      activationId: '9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11',
      function: 'billing/charge',
      package: 'billing',
      name: 'charge',
      status: 'app-error',
      statusCode: 1,
      success: false,
      duration: 357,
      cold: true,
      initTime: 190,
      memory: 256,
      timeoutLimit: 3000,
      error: 'card declined',
      late: false,
    });
    expect(json.logs).toHaveLength(2);
  });

  it('leaves logs out unless asked and uses null for what a record lacks', () => {
    const activation = normaliseActivation(loadFixture('openwhisk-docs-1.json'))!;
    const json = toJsonActivation(activation, { late: true, logs: false });
    expect('logs' in json).toBe(false);
    expect(json.initTime).toBeNull();
    expect(json.package).toBeNull();
    expect(json.late).toBe(true);
  });

  it('writes one valid JSON line with the same value and nothing a terminal would act on', () => {
    const hostile = { log: '\u001b]0;pwned\u0007 \u009b2J \u202eevil \u0000 \u007f \ud800' };
    const line = jsonLine(hostile);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(line)).toEqual(hostile);
  });
});
