// What went wrong, said plainly, with a way to try again.

import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ReactNode } from 'react';

export interface ErrorDescription {
  title: string;
  message: string;
  /** False when trying again cannot help, e.g. a malformed filter. */
  retry: boolean;
}

export function describeError(error: unknown): ErrorDescription {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    switch (first?.extensions?.code) {
      case 'RATE_LIMITED':
        return {
          title: 'Too many requests',
          message:
            'The news service is busy with requests from this address. Wait a moment, then retry.',
          retry: true,
        };
      case 'BAD_USER_INPUT':
        return {
          title: 'That request could not be answered',
          message: first.message,
          retry: false,
        };
      case 'QUERY_TOO_COMPLEX':
        return {
          title: 'That request was too large',
          message: 'Try narrowing it down, for example with fewer filters.',
          retry: false,
        };
      default:
        return {
          title: 'Something went wrong',
          message: 'The news service had a problem answering. Please try again.',
          retry: true,
        };
    }
  }
  if (ServerError.is(error) && error.statusCode === 429) {
    return {
      title: 'Too many requests',
      message:
        'The news service is busy with requests from this address. Wait a moment, then retry.',
      retry: true,
    };
  }
  if (ServerError.is(error)) {
    return {
      title: 'The news service is having trouble',
      message: `It answered with an error (HTTP ${error.statusCode}). Please try again.`,
      retry: true,
    };
  }
  return {
    title: 'The news service cannot be reached',
    message: 'Check your connection, then retry.',
    retry: true,
  };
}

export function ErrorState({
  error,
  onRetry,
  heading: Heading = 'h1',
  children,
}: {
  error: unknown;
  onRetry?: (() => void) | undefined;
  heading?: 'h1' | 'h2' | 'h3';
  children?: ReactNode;
}) {
  const { title, message, retry } = describeError(error);
  return (
    <div className="error-state" role="alert">
      <Heading className="error-title">{title}</Heading>
      <p>{message}</p>
      <div className="error-actions">
        {retry && onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {children}
      </div>
    </div>
  );
}
