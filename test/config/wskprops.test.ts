import { describe, expect, it } from 'vitest';
import { parseWskprops } from '../../src/config/wskprops.js';

describe('.wskprops', () => {
  it('reads APIHOST, AUTH and NAMESPACE from KEY=VALUE lines, skipping comments and blanks', () => {
    const text =
      '# written by wsk\n\nAPIHOST=https://faas.example\nAUTH=uuid:key=with=equals\nNAMESPACE=fn-1\nAPIVERSION=v1\n';
    expect(parseWskprops(text)).toEqual({
      apihost: 'https://faas.example',
      auth: 'uuid:key=with=equals',
      namespace: 'fn-1',
    });
  });

  it("treats the namespace `_` (the key's own) as no namespace", () => {
    expect(parseWskprops('APIHOST=h\r\nAUTH=a:b\r\nNAMESPACE=_\r\n')).toEqual({
      apihost: 'h',
      auth: 'a:b',
      namespace: undefined,
    });
  });
});
