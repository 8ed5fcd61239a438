/** A page number from the URL: a positive whole number, otherwise page 1. */
export function pageNumber(value: string | null | undefined): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** Which page numbers to show as links: the ends, and a window around the current page. */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    const near = Math.abs(n - page) <= radius;
    // A gap of exactly one page is shown as that page rather than an ellipsis.
    const bridges =
      (n === 2 && page - radius === 3) || (n === pageCount - 1 && page + radius === pageCount - 2);
    if (n === 1 || n === pageCount || near || bridges) pages.push(n);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}
