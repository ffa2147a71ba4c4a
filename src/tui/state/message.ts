// The status line's message: each new one gets a new serial, so its expiry timer is its own.
import type { StatusMessage } from './ui-state.js';

export function nextMessage(
  previous: StatusMessage | undefined,
  text: string,
  tone: StatusMessage['tone'],
): StatusMessage {
  return { text, tone, serial: (previous?.serial ?? 0) + 1 };
}
