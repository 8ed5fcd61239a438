import { formatDate } from '../lib/format-date.ts';

/** A release date as "28 Nov 2026", marked when it is only approximate. */
export function ReleaseDate({ date, approximate }: { date: string; approximate: boolean }) {
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
