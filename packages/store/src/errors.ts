// The few named errors every Store implementation throws; the API maps them to error codes.

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `tags.1` or `media.name`. */
  field: string;
  message: string;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

/** A record failed validation; nothing was written. */
export class InvalidInputError extends StoreError {
  override name = 'InvalidInputError';
  constructor(
    readonly issues: FieldIssue[],
    /** Which record of a batch, when the input was a batch. */
    readonly index?: number,
  ) {
    super(
      `${index === undefined ? '' : `record ${index}: `}${issues
        .map((i) => `${i.field}: ${i.message}`)
        .join('; ')}`,
    );
  }
  get field(): string {
    return this.issues[0]?.field ?? '';
  }
}

export class NotFoundError extends StoreError {
  override name = 'NotFoundError';
}

/** Bad arguments to a read, such as a page size out of range. */
export class InvalidQueryError extends StoreError {
  override name = 'InvalidQueryError';
}

/**
 * Another writer holds the database and did not let go within the write's waiting budget.
 * Nothing was written; the same request may be sent again after `retryAfterSeconds`.
 */
export class StoreBusyError extends StoreError {
  override name = 'StoreBusyError';
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
  }
}

/**
 * The database cannot answer: it is down, refuses connections, or a statement ran past its
 * time limit. Nothing can be said about the data; the same request may succeed later. (The
 * schema answers it with the code STORE_UNAVAILABLE.)
 */
export class StoreUnavailableError extends StoreError {
  override name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
