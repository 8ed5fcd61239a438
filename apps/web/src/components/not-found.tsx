// The 404 page, for unknown addresses and for slugs that match nothing.

import { Link } from 'react-router';
import { useDocumentMeta, useResponseStatus } from '../lib/use-document-meta.ts';

export function NotFound({ what = 'page' }: { what?: string }) {
  useDocumentMeta('Page not found', `This ${what} does not exist in the archive.`);
  useResponseStatus(404);
  return (
    <div className="page not-found">
      <p className="kicker">404</p>
      <h1>Page not found</h1>
      <p className="lede">
        There is no {what} at this address. It may have been renamed, or the link may be mistyped.
      </p>
      <ul className="link-list">
        <li>
          <Link to="/">Read the latest news</Link>
        </li>
        <li>
          <Link to="/tags">Browse articles by tag</Link>
        </li>
        <li>
          <Link to="/search">Search the archive</Link>
        </li>
      </ul>
    </div>
  );
}
