// "Showing N of M" and a button for the next page of a cursor-paginated list, and the hook that
// loads that page.

import { useEffect, useRef, useTransition } from 'react';

/**
 * Loads the page after `endCursor` in a transition (the list stays on screen), then moves focus
 * to the first new article so keyboard users continue there. Put `list` on the `<ol>`.
 */
export function useLoadMore(
  shown: number,
  endCursor: string | null | undefined,
  fetchMore: (options: { variables: { after: string } }) => unknown,
) {
  const [pending, startTransition] = useTransition();
  const list = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);

  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || shown <= from) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLAnchorElement>('.item-title a')[from]?.focus();
  }, [shown]);

  const loadMore = () => {
    if (!endCursor) return;
    focusFrom.current = shown;
    startTransition(() => {
      fetchMore({ variables: { after: endCursor } });
    });
  };
  return { list, pending, loadMore };
}

export function LoadMore({
  shown,
  total,
  hasMore,
  pending,
  onLoadMore,
  noun = ['article', 'articles'],
  label = 'Load more',
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  pending: boolean;
  onLoadMore: () => void;
  /** What the list holds, singular and plural. */
  noun?: readonly [string, string];
  label?: string;
}) {
  return (
    <div className="load-more">
      <p className="muted" aria-live="polite">
        Showing {shown} of {total} {total === 1 ? noun[0] : noun[1]}
      </p>
      {hasMore ? (
        <button
          type="button"
          className="button"
          // Not `disabled`: the button keeps focus while the next page loads.
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onLoadMore();
          }}
        >
          {pending ? 'Loading…' : label}
        </button>
      ) : null}
    </div>
  );
}
