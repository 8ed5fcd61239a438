// The frame of every page: skip link, header with navigation and search, main, footer.

import { SERVER_PATHS } from '@jin/site';
import { useEffect, useRef } from 'react';
import {
  Form,
  Link,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useNavigation,
  useSearchParams,
} from 'react-router';
import { StatusBanners } from '../features/offline/status-banners.tsx';
import { LiveRegion } from '../lib/announce.tsx';
import { FEEDS, paths, SITE_NAME } from '../lib/site.ts';

export function Layout() {
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const main = useRef<HTMLElement>(null);
  const firstPath = useRef(pathname);
  const busy = navigation.state !== 'idle';
  const query = pathname === '/search' ? (params.get('q') ?? '') : '';

  // On a new page, move focus to its heading so screen readers announce it; never on first load.
  useEffect(() => {
    if (firstPath.current === pathname) return;
    firstPath.current = '';
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="progress" data-active={busy || undefined} aria-hidden="true" />
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="site-name">
            {SITE_NAME}
          </Link>
          <nav className="site-nav" aria-label="Main">
            <ul>
              <li>
                <NavLink to="/" end>
                  Latest
                </NavLink>
              </li>
              <li>
                <NavLink to="/timeline">Timeline</NavLink>
              </li>
              <li>
                <NavLink to="/numbers">Numbers</NavLink>
              </li>
              <li>
                <NavLink to="/tags">Tags</NavLink>
              </li>
              <li>
                <NavLink to="/media">Outlets</NavLink>
              </li>
              <li>
                <NavLink to="/saved">Saved</NavLink>
              </li>
            </ul>
          </nav>
          <Form action="/search" role="search" className="site-search" key={query}>
            <label htmlFor="site-search-q" className="visually-hidden">
              Search articles
            </label>
            <input
              id="site-search-q"
              type="search"
              name="q"
              placeholder="Search articles"
              defaultValue={query}
              maxLength={200}
              autoComplete="off"
            />
            <button type="submit" className="button">
              Search
            </button>
          </Form>
        </div>
      </header>
      <StatusBanners />
      <main id="main" ref={main} tabIndex={-1} aria-busy={busy || undefined}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>
            <strong>{SITE_NAME}</strong> records news published elsewhere, each with an original
            summary. Headlines and articles belong to their outlets.
          </p>
          <ul className="footer-links">
            <li>
              <a href={FEEDS.atom} type="application/atom+xml">
                Atom feed
              </a>
            </li>
            <li>
              <a href={FEEDS.rss} type="application/rss+xml">
                RSS feed
              </a>
            </li>
            <li>
              <Link to={paths.developers}>API guide</Link>
            </li>
            <li>
              <a href={SERVER_PATHS.explorer}>API explorer</a>
            </li>
          </ul>
        </div>
      </footer>
      <LiveRegion />
      <ScrollRestoration />
    </>
  );
}
