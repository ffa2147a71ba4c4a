// An error message with its variable parts masked, so "user 4821 not found" and "user 9034 not
// found" are one fingerprint. Masked, in this order (earlier masks protect text from later ones):
//   URLs <url>, e-mail addresses <email>, UUIDs <uuid>, quoted values <str> (a quoted JSON key,
//   followed by ':', stays), paths <path>, hex ids <hex>, letter+digit ids <id>, numbers <n>.
// Whitespace runs (newlines included) become one space. The result is sanitised: safe to print.
import { sanitize } from './sanitize.js';

/** Only the start of a message decides its fingerprint: bounds the work on hostile 256 KB errors. */
const MAX_MESSAGE_CHARS = 2000;

const MASKS: readonly (readonly [RegExp, string])[] = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`<>()]+/gi, '<url>'],
  [/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  // An opening quote not glued to a word (so the apostrophe of "can't" opens nothing).
  [/(?<!\w)(?:"(?:[^"\\\n]|\\.){0,500}"|'(?:[^'\\\n]|\\.){0,500}'|`[^`\n]{0,500}`)(?!\s*:)(?!\w)/g, '<str>'],
  // Absolute or ./ ../ ~/ paths (Unix), and drive paths (Windows); `pkg/fn` stays.
  [/(?<![\w.~/])(?:~|\.{1,2})?(?:\/[\w.@%+-]+)+\/?|\b[a-z]:\\[\w.-]+(?:\\[\w.-]+)*/gi, '<path>'],
  [/\b0x[0-9a-f]+\b|\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<hex>'],
  [/(?<![a-z0-9])(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{8,}(?![a-z0-9])/gi, '<id>'],
  [/\d+(?:\.\d+)*/g, '<n>'],
  [/\s+/g, ' '],
];

export function errorPattern(message: string): string {
  let text = message.slice(0, MAX_MESSAGE_CHARS);
  for (const [pattern, replacement] of MASKS) text = text.replace(pattern, replacement);
  return sanitize(text.trim());
}
