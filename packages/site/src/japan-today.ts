// The timeline's "today" is Japan's (UTC+9), where the rules take effect, whatever the reader's
// or the server's time zone: the API decides what is upcoming by the same calendar.

const JAPAN_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

/** Today's date in Japan, as YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  return new Date(now.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);
}

let kept = { date: '', from: 0, until: 0 };

/**
 * todayInJapan for a time in milliseconds, worked out again only when the time leaves the day
 * last worked out: for paths that ask on every request.
 */
export function todayInJapanAt(now: number): string {
  if (now < kept.from || now >= kept.until) {
    const from = Math.floor((now + JAPAN_OFFSET_MS) / DAY_MS) * DAY_MS - JAPAN_OFFSET_MS;
    kept = { date: todayInJapan(new Date(now)), from, until: from + DAY_MS };
  }
  return kept.date;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
