// Status messages ("saved to …", "copied …") clear themselves after a few seconds.
import { useEffect, type Dispatch } from 'react';
import type { StatusMessage, UiAction } from '../state/ui-state.js';

export const MESSAGE_MS = 4000;

export function useMessageExpiry(message: StatusMessage | undefined, dispatch: Dispatch<UiAction>): void {
  const serial = message?.serial;
  useEffect(() => {
    if (serial === undefined) return;
    const timer = setTimeout(() => dispatch({ type: 'expire-message', serial }), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [serial, dispatch]);
}
