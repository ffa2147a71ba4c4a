import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecordText, encodeRecordText } from '../../src/core/record-text.js';

// Strings that share characters with the wire substrings and the codes, to find any overlap.
const tricky = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'key', '","value":', '},{"key":"', '\u0001', '\u001e', 'a\u001fb', '"', '\\'),
  fc.stringMatching(/^[a-z0-9"{},:\\[\]-]{0,12}$/),
);

describe('record text', () => {
  it('decodes to exactly the JSON it encoded, whatever the record, namespace and id', () => {
    fc.assert(
      fc.property(fc.jsonValue(), tricky, tricky, (value, namespace, id) => {
        const json = JSON.stringify({ namespace, activationId: id, annotations: [{ key: namespace, value }], value });
        expect(decodeRecordText(encodeRecordText(json, namespace, id), namespace, id)).toBe(json);
      }),
      { numRuns: 500 },
    );
  });

  it('shortens the annotations, the namespace and the id of a typical record', () => {
    const namespace = 'fn-3f1c2d4e-0000-4a1b-9c8d-123456789abc';
    const id = '9b1f0c2ad4e34b6c9f0c2ad4e3ab6c11';
    const json = JSON.stringify({
      namespace,
      activationId: id,
      annotations: [
        { key: 'path', value: `${namespace}/billing/charge` },
        { key: 'waitTime', value: 12 },
      ],
    });
    const text = encodeRecordText(json, namespace, id);
    expect(text.length).toBeLessThan(json.length - 2 * namespace.length - id.length);
    expect(decodeRecordText(text, namespace, id)).toBe(json);
  });
});
