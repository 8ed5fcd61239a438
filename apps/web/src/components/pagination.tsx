// Numbered page links for a table; each link is a real URL so back and forward work.

import { Link, type To } from 'react-router';
import { pageWindow } from '../lib/page-number.ts';

export function Pagination({
  page,
  pageCount,
  to,
  label,
  preventScrollReset = false,
}: {
  page: number;
  pageCount: number;
  to: (page: number) => To;
  /** Names the navigation landmark, e.g. "Pages of Statistics articles". */
  label: string;
  preventScrollReset?: boolean;
}) {
  if (pageCount <= 1) return null;
  const link = (n: number, text: string, rel?: string) => (
    <Link
      to={to(n)}
      className="page-link"
      rel={rel}
      preventScrollReset={preventScrollReset}
      aria-label={text === String(n) ? `Page ${n}` : undefined}
      aria-current={n === page && text === String(n) ? 'page' : undefined}
    >
      {text}
    </Link>
  );
  return (
    <nav className="pagination" aria-label={label}>
      <ul>
        {page > 1 ? <li className="page-step">{link(page - 1, 'Previous', 'prev')}</li> : null}
        {pageWindow(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${i}`} className="page-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>{link(n, String(n))}</li>
          ),
        )}
        {page < pageCount ? <li className="page-step">{link(page + 1, 'Next', 'next')}</li> : null}
      </ul>
    </nav>
  );
}
