// The timeline's "today" is Japan's (UTC+9), where the rules take effect, whatever the reader's
// or the server's time zone: the API decides what is upcoming by the same calendar.

const JAPAN_OFFSET_MS = 9 * 3600_000;

/** Today's date in Japan, as YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
