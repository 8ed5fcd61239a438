// Shown in place of a page whose data or code failed to load; Retry runs its loader again.

import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { ErrorState } from '../components/error-state.tsx';
import { NotFound } from '../components/not-found.tsx';
import { useDocumentMeta } from '../lib/use-document-meta.ts';

export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  useDocumentMeta('Something went wrong');
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
