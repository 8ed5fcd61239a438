// What a server-rendered page carries for the browser besides its markup, each in a
// `<script type="application/json">` element (written by entry-server.tsx).

/** The element holding the Apollo cache the page was rendered with. */
export const STATE_ELEMENT_ID = 'jin-state';

/** The element listing the page's own route modules, as a JSON array of addresses. */
export const MODULES_ELEMENT_ID = 'jin-modules';
