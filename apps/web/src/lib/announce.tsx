// One polite live region for the whole app (rendered by the layout): short confirmations that
// screen readers read out without moving focus, such as "Saved".

import { useSyncExternalStore } from 'react';

let message = '';
const listeners = new Set<() => void>();

/** Reads the message out politely. The same message twice in a row is read twice. */
export function announce(text: string) {
  // A live region announces changes only: a trailing no-break space makes a repeat a change.
  message = message === text ? `${text}\u00a0` : text;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function LiveRegion() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => '',
  );
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
