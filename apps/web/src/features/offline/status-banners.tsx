// Two notices at the top of every page, read out politely when they appear: that the reader is
// offline (saved and visited pages still open), and that a new version of the site is ready,
// with the button that loads it. Neither is ever rendered on the server.

import { Link } from 'react-router';
import { useConnection } from './connection-state.ts';

export function StatusBanners() {
  const { offline, update } = useConnection();
  return (
    // One status region that is always present, so what appears inside it is announced.
    <div className="status-banners" role="status">
      {offline ? (
        <div className="status-banner offline-banner">
          <p>
            <strong>You are offline.</strong> Saved articles and pages you have visited still open:{' '}
            <Link to="/saved">your saved articles</Link>.
          </p>
        </div>
      ) : null}
      {update ? (
        <div className="status-banner update-banner">
          <p>
            <strong>A new version of this site is available.</strong>
          </p>
          <button type="button" className="button" onClick={update}>
            Reload
          </button>
        </div>
      ) : null}
    </div>
  );
}
