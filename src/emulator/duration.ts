// "500ms", "20s", "5m", "1h" -> milliseconds, for the emulator's flags.
// (core/duration.ts is the app's parser; the emulator may not import core.)

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Returns milliseconds, or undefined when the text is not a positive duration like 500ms, 20s, 1.5m. */
export function parseDurationMs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * (UNIT_MS[match[2] ?? ''] ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? Math.round(value) : undefined;
}
