// Grey placeholders the size of what will replace them, so nothing jumps when data arrives.

export function SkeletonItems({ count = 6 }: { count?: number }) {
  return (
    <div className="skeleton-list" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders are identical
        <div key={i} className="skeleton-item">
          <span className="skeleton-line short" />
          <span className="skeleton-line title" />
          <span className="skeleton-line" />
          <span className="skeleton-line" />
        </div>
      ))}
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading…
      </p>
      <div className="skeleton-heading" aria-hidden="true" />
      <SkeletonItems count={5} />
    </div>
  );
}
