/* eslint-disable no-control-regex -- control characters are the codes this module writes and reads */
// A record's JSON text made shorter for keeping, and back. JSON.stringify never writes a raw
// character below U+0020 (it escapes them), so those characters can stand for substrings that
// every record repeats: its namespace, its id and the annotations' {key, value} boilerplate
// (reference §3.3). Each code stands for one fixed string, so decoding gives back exactly the
// text that was encoded, whatever the record holds.

// Each substring costs a pass over the text; these few save the most (about 270 characters of a
// record's 650–850, with the namespace and the id).
const WIRE_SUBSTRINGS = ['"annotations":[{"key":"', '},{"key":"', '","value":'];
const WIRE_CODES = WIRE_SUBSTRINGS.map((substring, i) => [substring, String.fromCharCode(i + 1)] as const);

// U+0001 … for the wire substrings; the last two codes for the record's own strings.
const NAMESPACE = '\u001e';
const ID = '\u001f';
const CODES = /[\u0001-\u001f]/g;

/** `json` (as JSON.stringify wrote it) with the repeated substrings replaced by one character each. */
export function encodeRecordText(json: string, namespace: string, id: string): string {
  let text = json;
  if (replaceable(namespace)) text = replaceAll(text, namespace, NAMESPACE);
  if (replaceable(id)) text = replaceAll(text, id, ID);
  for (const [substring, code] of WIRE_CODES) text = replaceAll(text, substring, code);
  return text;
}

/** The JSON text that encodeRecordText was given, from its result and the same namespace and id. */
export function decodeRecordText(text: string, namespace: string, id: string): string {
  return text.replace(CODES, (code) => {
    if (code === NAMESPACE) return namespace;
    if (code === ID) return id;
    return WIRE_SUBSTRINGS[code.charCodeAt(0) - 1]!;
  });
}

/** Empty strings and ones holding a code character cannot be told apart from the codes. */
function replaceable(value: string): boolean {
  return value !== '' && !/[\u0000-\u001f]/.test(value);
}

/**
 * Not String.prototype.replaceAll: V8 builds its result from slices of the text it was given,
 * which keeps that text alive (a record then cost more than before); split and join build a
 * flat string.
 */
function replaceAll(text: string, substring: string, code: string): string {
  return text.split(substring).join(code);
}
