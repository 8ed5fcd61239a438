// Shown in place of a page whose data or code failed to load; Retry runs its loader again.

import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { useEffect } from 'react';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state.tsx';
import { NotFound } from '../components/not-found.tsx';
import { useConnection } from '../features/offline/connection-state.ts';
import { useDocumentMeta } from '../lib/use-document-meta.ts';

export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  useDocumentMeta('Something went wrong');
  const { offline } = useConnection();
  const answered =
    ServerError.is(error) || CombinedGraphQLErrors.is(error) || isRouteErrorResponse(error);
  // The browser itself offline, not only the API out of reach (that one shows the error and Retry).
  const reloading = offline && !navigator.onLine && !answered && !isThisDocument();
  useEffect(() => {
    // Offline, a page the app navigated to cannot fetch its data, but the service worker may
    // hold the whole page (visited or saved): load it as a document. Not for the page this
    // document already is, which would load itself again and again.
    if (reloading) window.location.reload();
  }, [reloading]);
  if (reloading) return null;
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  const retrying = revalidator.state === 'loading';
  return (
    <div className="page">
      <ErrorState
        error={error}
        onRetry={retrying ? undefined : () => void revalidator.revalidate()}
      >
        {retrying ? (
          <p className="muted" role="status">
            Retrying…
          </p>
        ) : null}
      </ErrorState>
    </div>
  );
}

/** Whether the address shown is the one this document was loaded from (no navigation since). */
function isThisDocument(): boolean {
  const loaded = performance.getEntriesByType('navigation')[0]?.name;
  return loaded === undefined || loaded === window.location.href;
}
