// Text of a --load file -> records: a JSON array, a single JSON object, or JSON lines.

function requireObjects(records: unknown[]): unknown[] {
  records.forEach((record, index) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new Error(`record ${index + 1} is not a JSON object`);
    }
  });
  return records;
}

/** Throws an Error naming the offending line or record when the text is none of the accepted forms. */
export function parseRecords(text: string): unknown[] {
  return requireObjects(parseDocuments(text));
}

function parseDocuments(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  try {
    const whole: unknown = JSON.parse(trimmed);
    if (Array.isArray(whole)) return whole;
    if (whole !== null && typeof whole === 'object') return [whole];
  } catch {
    // Not one JSON document: read it as JSON lines below.
  }
  const records: unknown[] = [];
  trimmed.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      records.push(JSON.parse(line));
    } catch {
      throw new Error(`line ${index + 1} is not valid JSON (expected a JSON array or one JSON object per line)`);
    }
  });
  return records;
}
