// "Showing N of M" and a button for the next page of a cursor-paginated list.

export function LoadMore({
  shown,
  total,
  hasMore,
  pending,
  onLoadMore,
}: {
  shown: number;
  total: number | null | undefined;
  hasMore: boolean;
  pending: boolean;
  onLoadMore: () => void;
}) {
  return (
    <div className="load-more">
      <p className="muted" aria-live="polite">
        Showing {shown} of {total ?? shown} {total === 1 ? 'article' : 'articles'}
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
          {pending ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </div>
  );
}
