// The reader's saved articles, kept on this device: newest saved first, each with Remove, and
// Clear all behind a confirmation. The list lives in the browser, so the server renders the
// page's frame and a note; the list appears once it has been read from the device.

import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ItemMeta } from '../../components/item-meta.tsx';
import { formatDate } from '../../lib/format-date.ts';
import type { SavedArticle } from '../../lib/saved-articles/saved-article.ts';
import { clearSaved, removeSaved, useSavedArticles } from '../../lib/saved-articles/saved-state.ts';
import { paths } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';

export function SavedRoute() {
  useDocumentMeta('Saved articles', 'Articles you saved on this device, to read later or offline.');
  const { status, articles } = useSavedArticles();
  const heading = useRef<HTMLHeadingElement>(null);
  const count = articles.length;
  return (
    <div className="page saved-page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Saved articles
        </h1>
        <p className="lede">
          Articles you save are kept in this browser on this device, with no account, and open
          without a connection.
        </p>
      </div>
      {status === 'loading' ? (
        <>
          <p className="muted" role="status">
            Reading your saved articles from this device…
          </p>
          <noscript>
            <p className="error-state">Saved articles need JavaScript, which is turned off.</p>
          </noscript>
        </>
      ) : status === 'unavailable' ? (
        <p className="error-state">
          This browser does not let the site keep saved articles (storage may be turned off, or this
          is a private window).
        </p>
      ) : count === 0 ? (
        <div className="empty-state">
          <p>No saved articles yet.</p>
          <p className="muted">
            Choose <strong>Save</strong> on any article or list to keep it here for reading later,
            even offline. <Link to="/">Read the latest news</Link>.
          </p>
        </div>
      ) : (
        <>
          <div className="saved-toolbar">
            <p className="muted">
              {count === 1 ? '1 saved article' : `${count} saved articles`}, newest saved first.
            </p>
            <ClearAll count={count} onCleared={() => heading.current?.focus()} />
          </div>
          <ol className="item-list saved-list">
            {articles.map((article) => (
              <li key={article.id}>
                <SavedItem article={article} onRemoved={() => heading.current?.focus()} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function SavedItem({ article, onRemoved }: { article: SavedArticle; onRemoved: () => void }) {
  return (
    <article className="list-item">
      <div className="item-head">
        <ItemMeta
          releasedOn={article.releasedOn}
          dateApproximate={article.dateApproximate}
          media={article.media}
        />
        <button
          type="button"
          className="save-button remove-button"
          data-ready
          aria-label={`Remove from saved: ${article.title}`}
          onClick={() => void removeSaved(article).then(onRemoved)}
        >
          Remove
        </button>
      </div>
      <h2 className="item-title">
        <Link to={paths.article(article.slug)}>{article.title}</Link>
      </h2>
      {article.summary ? <p className="item-excerpt">{article.summary}</p> : null}
      {article.tags.length > 0 ? (
        <ul className="tag-chips" aria-label="Tags">
          {article.tags.map((tag) => (
            <li key={tag.slug}>
              <Link className="tag-chip" to={paths.tag(tag.slug)}>
                {tag.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="muted saved-at">
        Saved <time dateTime={article.savedAt}>{localDate(article.savedAt)}</time>
      </p>
    </article>
  );
}

/** Clear all, asking first: the confirmation takes focus, and Cancel gives it back. */
function ClearAll({ count, onCleared }: { count: number; onCleared: () => void }) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button
        ref={opener}
        type="button"
        className="button secondary"
        onClick={() => setAsking(true)}
      >
        Clear all
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>
        Remove all {count === 1 ? 'saved article' : `${count} saved articles`} from this device?
      </legend>
      <button
        ref={confirm}
        type="button"
        className="button danger"
        onClick={() => void clearSaved().then(onCleared)}
      >
        Remove all
      </button>
      <button type="button" className="button secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </fieldset>
  );
}

/** The reader's own calendar day of an instant, written as the site writes dates. */
function localDate(instant: string): string {
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
}
