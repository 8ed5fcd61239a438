// What is kept of a saved article: enough to list it and open it without a connection.

export interface SavedArticle {
  /** The article's global ID: the key it is kept under. */
  id: string;
  slug: string;
  title: string;
  media: { slug: string; name: string };
  releasedOn: string;
  dateApproximate: boolean;
  /** A passage of its summary, as the lists show it; null where the list had none. */
  summary: string | null;
  tags: { slug: string; name: string }[];
  /** When it was saved (ISO 8601): the saved list is newest-saved first. */
  savedAt: string;
}

/** An article as the Save control receives it: everything but the moment it is saved. */
export type ArticleToSave = Omit<SavedArticle, 'savedAt'>;
