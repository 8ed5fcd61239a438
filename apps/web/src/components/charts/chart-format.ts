// How the charts and their tables write numbers and dates (one home for both, so a figure reads
// the same in the picture, the tooltip and the table).

const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', {
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** 3956619 → "3,956,619"; "about 450,000" for a rounded figure. */
export function formatValue(value: number, approx = false): string {
  return `${approx ? 'about ' : ''}${whole.format(value)}`;
}

/** Axis labels: 3956619 → "4M". */
export const formatAxisValue = (value: number): string => compact.format(value);

/** A change: "+187,642 (+5.0%)". */
export function formatChange(difference: number, percentChange: number | null | undefined): string {
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
  const pct =
    percentChange === null || percentChange === undefined
      ? ''
      : ` (${percent.format(percentChange)}%)`;
  return `${sign}${whole.format(Math.abs(difference))}${pct.replace('-', '−')}`;
}

/** A `YYYY-MM-DD` date as a UTC instant, for time scales (no time zone can shift the day). */
export const utcDate = (date: string): Date => new Date(`${date}T00:00:00Z`);
