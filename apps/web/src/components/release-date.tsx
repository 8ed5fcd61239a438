import { formatDate } from '../lib/format-date.ts';

/** A release date as "28 Nov 2026", marked when it is only approximate. */
export function ReleaseDate({
  date,
  approximate,
}: {
  date: string | null | undefined;
  approximate?: boolean | null | undefined;
}) {
  if (!date) return <span className="muted">Date unknown</span>;
  return (
    <>
      <time dateTime={date}>{formatDate(date)}</time>
      {approximate ? (
        <abbr className="approx" title="The release date is approximate">
          {' '}
          (approx.)
        </abbr>
      ) : null}
    </>
  );
}
