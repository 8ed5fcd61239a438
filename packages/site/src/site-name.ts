/** The site's name, as pages, feeds and preview images show it. */
export const SITE_NAME = 'Japan Immigration News';
