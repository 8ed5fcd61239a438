// The names the service worker (sw/sw.ts) and the app agree on: its caches, and the message that
// lets a waiting new version take over.

/** Pages readers visited, kept for reading offline (network first while online). */
export const PAGES_CACHE = 'jin-pages';
/** GraphQL GET answers the app asked for, kept the same way. */
export const ANSWERS_CACHE = 'jin-answers';
/** The page of every saved article, kept until the reader removes it from their saved list. */
export const SAVED_PAGES_CACHE = 'jin-saved-pages';
/** Sent by the page to a waiting worker when the reader asks for the new version. */
export const SKIP_WAITING = 'SKIP_WAITING';
