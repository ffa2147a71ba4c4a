// LOG_DESTINATIONS as the runtime reads it (log-forwarding.md §2.1): which services, and the
// runtime's own complaint for a malformed value.
import { describe, expect, it } from 'vitest';
import { readLogDestinations } from '../../../src/core/log-destinations.js';

describe('readLogDestinations', () => {
  it('reads the plain list, several at once, ignoring name', () => {
    const value =
      '[{"datadog":{"endpoint":"https://http-intake.logs.datadoghq.com","api_key":"k"}},{"papertrail":{"token":"t"},"name":"pt"},{"logtail":{"token":"s"}}]';
    expect(readLogDestinations(value)).toEqual({
      kind: 'destinations',
      destinations: ['datadog', 'papertrail', 'logtail'],
    });
  });

  it('reads the {"destinations": …, "attributes": …} form', () => {
    const value = '{"destinations":[{"papertrail":{"token":"t"}}],"attributes":{"app_name":"a"}}';
    expect(readLogDestinations(value)).toEqual({ kind: 'destinations', destinations: ['papertrail'] });
  });

  it.each([
    ['[{"logtail":{}}]', 'logtail.token has to be defined'],
    ['[{"papertrail":{"token":""}}]', 'papertrail.token has to be defined'],
    ['[{"datadog":{"endpoint":"https://x"}}]', 'datadog.endpoint and datadog.api_key have to be defined'],
    [
      '[{"splunk":{"token":"t"}}]',
      'invalid log destinations value in "LOG_DESTINATIONS": either logtail, papertrail or datadog must be set',
    ],
    ['[]', 'invalid log destinations value in "LOG_DESTINATIONS": either logtail, papertrail or datadog must be set'],
  ])('reports %s with the runtime’s text', (value, problem) => {
    expect(readLogDestinations(value)).toEqual({ kind: 'malformed', problem });
  });

  it('reports JSON that does not parse, and values that are not strings', () => {
    expect(readLogDestinations('[{"papertrail":')).toMatchObject({
      kind: 'malformed',
      problem: expect.stringMatching(/^failed to parse "LOG_DESTINATIONS" into valid log destinations: /),
    });
    expect(readLogDestinations([{ papertrail: { token: 't' } }])).toMatchObject({ kind: 'malformed' });
  });

  it('recognises ${VAR} templating, which only deploy can fill in', () => {
    expect(readLogDestinations('${LOG_DESTINATIONS}')).toEqual({ kind: 'templated' });
  });
});
