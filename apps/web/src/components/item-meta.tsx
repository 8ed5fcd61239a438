// The line above a headline in article lists: release date, then the outlet linking to its page.

import { Link } from 'react-router';
import { paths } from '../lib/site.ts';
import { ReleaseDate } from './release-date.tsx';

export function ItemMeta({
  releasedOn,
  dateApproximate,
  media,
}: {
  releasedOn: string;
  dateApproximate: boolean;
  media: { slug: string; name: string };
}) {
  return (
    <p className="item-meta">
      <ReleaseDate date={releasedOn} approximate={dateApproximate} />
      <span aria-hidden="true"> · </span>
      <Link className="media-link" to={paths.media(media.slug)}>
        {media.name}
      </Link>
    </p>
  );
}
