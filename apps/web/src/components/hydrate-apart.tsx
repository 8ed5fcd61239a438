// A part of a page that React hydrates on its own.

import { type ReactNode, Suspense } from 'react';

/**
 * On a server-rendered page, React hydrates what is inside a Suspense boundary in a pass and a
 * commit of its own, after the rest of the page, so a long page is made interactive in several
 * short tasks rather than one long one. Nothing inside suspends (its data comes in props), so
 * the fallback is never shown: on a client-side render the children render at once, as without
 * the boundary.
 */
export function HydrateApart({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
