// A figure of the report: its value, unit and, where there is one, the target it must meet.

export type Unit = 'ms' | 's' | 'req/s' | 'x' | 'MB' | 'KB' | 'score' | 'count' | '%';

export interface Target {
  op: '<' | '<=' | '>' | '>=' | '=';
  value: number;
}

export interface Metric {
  /** Stable across runs, so two reports can be compared figure by figure. */
  id: string;
  label: string;
  value: number;
  unit: Unit;
  target?: Target | undefined;
  pass?: boolean | undefined;
}

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<':
      return value < target.value;
    case '<=':
      return value <= target.value;
    case '>':
      return value > target.value;
    case '>=':
      return value >= target.value;
    case '=':
      return value === target.value;
  }
}

export function metric(
  id: string,
  label: string,
  value: number,
  unit: Unit,
  target?: Target,
): Metric {
  return target
    ? { id, label, value, unit, target, pass: Number.isFinite(value) && meets(value, target) }
    : { id, label, value, unit };
}

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'req/s':
      return `${Math.round(value).toLocaleString('en-US')} req/s`;
    case 'x':
      return `${value.toFixed(2)}x`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'KB':
      return `${value.toFixed(1)} KB`;
    case 'score':
      return value.toFixed(2);
    case 'count':
      return Math.round(value).toLocaleString('en-US');
    case '%':
      return `${value.toFixed(1)}%`;
  }
}

export function formatTarget(target: Target | undefined, unit: Unit): string {
  if (!target) return '—';
  return `${target.op} ${formatValue(target.value, unit)}`;
}

export const mark = (m: Pick<Metric, 'pass'>): string =>
  m.pass === undefined ? '' : m.pass ? '✓ pass' : '✗ fail';
