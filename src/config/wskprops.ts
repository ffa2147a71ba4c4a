// The wsk CLI's properties file (~/.wskprops, or WSK_CONFIG_FILE): KEY=VALUE lines, of which
// fnmon reads APIHOST, AUTH and NAMESPACE (reference §8).

export interface WskProps {
  apihost?: string;
  auth?: string;
  namespace?: string;
}

/** Parses the file's text the way wsk does: blank lines and `#` comments skipped, first `=` splits. */
export function parseWskprops(text: string): WskProps {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const equals = line.indexOf('=');
    if (line === '' || line.startsWith('#') || equals < 1) continue;
    values.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  const pick = (key: string) => values.get(key) || undefined;
  // `_` is OpenWhisk's "the credential's own namespace", which is fnmon's default anyway.
  const namespace = pick('NAMESPACE');
  return { apihost: pick('APIHOST'), auth: pick('AUTH'), namespace: namespace === '_' ? undefined : namespace };
}
