// The Save control of an article (on its page and in every list): a toggle button whose name
// says what it does and whose pressed state says whether the article is saved.
//
// Saving needs the browser's storage, so the control cannot work without JavaScript: the server
// renders it unpressed and invisible (it keeps its place, so nothing moves when it appears), and
// it shows once the saved list has been read on the device.

import type { ArticleToSave } from '../lib/saved-articles/saved-article.ts';
import { toggleSaved, useSavedArticles } from '../lib/saved-articles/saved-state.ts';

export function SaveButton({ article }: { article: ArticleToSave }) {
  const { status, ids } = useSavedArticles();
  const pressed = ids.has(article.id);
  const ready = status === 'ready';
  return (
    <button
      type="button"
      className="save-button"
      aria-pressed={pressed}
      aria-label={`Save article: ${article.title}`}
      data-ready={ready || undefined}
      aria-hidden={ready ? undefined : true}
      tabIndex={ready ? undefined : -1}
      onClick={() => void toggleSaved(article)}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
        <path d="M3.5 1.5h9v13L8 11.2l-4.5 3.3z" />
      </svg>
      {pressed ? 'Saved' : 'Save'}
    </button>
  );
}
