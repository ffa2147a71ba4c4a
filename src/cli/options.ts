// Reading typed values out of parsed flags. A bad value is a UsageFailure: one line, exit 2.
import type { OptionValues } from './args.js';
import { parseDuration, parseSinceArg } from '../core/duration.js';

export class UsageFailure extends Error {}

export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(options: OptionValues, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value : [];
}

export function flagOption(options: OptionValues, name: string): boolean {
  return options[name] === true;
}

export function durationOption(options: OptionValues, name: string): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) throw new UsageFailure(`--${name} expects a duration like 500ms, 10s or 5m (got '${text}')`);
  return ms;
}

export function sinceOption(options: OptionValues, name: string, now: number): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const since = parseSinceArg(text, now);
  if (since === undefined) {
    throw new UsageFailure(`--${name} expects a duration like 10m or an ISO time like 2026-01-31T12:00Z (got '${text}')`);
  }
  return since;
}

export function positiveIntegerOption(options: OptionValues, name: string): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
    throw new UsageFailure(`--${name} expects a positive whole number (got '${text}')`);
  }
  return value;
}

export function choiceOption<T extends string>(options: OptionValues, name: string, choices: readonly T[], fallback: T): T {
  const text = stringOption(options, name);
  if (text === undefined) return fallback;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageFailure(`--${name} must be one of ${choices.join(', ')} (got '${text}')`);
  }
  return text as T;
}
