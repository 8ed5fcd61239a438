// CSV imports: a header row naming the fields, one article a row; each record is placed on the
// line where it starts, quoted line breaks included.

import { parse as parseCsv } from 'csv-parse/sync';
import { printable } from './characters.ts';
import type { Problem } from './problems.ts';
import { FIELDS, KNOWN, type RawField, type RawRecord } from './records.ts';

/** The line each CSV record starts on (the header included), following quoted line breaks. */
function csvRecordLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atStart = true;
  for (const c of text) {
    if (atStart && c !== '\n' && c !== '\r') {
      starts.push(line);
      atStart = false;
    }
    if (c === '"') inQuotes = !inQuotes;
    else if (c === '\n') {
      line++;
      if (!inQuotes) atStart = true;
    }
  }
  return starts;
}

export function readCsv(text: string, file: string, problems: Problem[]): RawRecord[] {
  let header: string[] = [];
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, {
      columns: (names: string[]) => {
        header = names;
        return names;
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    problems.push({
      file,
      line: typeof lines === 'number' ? lines : undefined,
      field: '(file)',
      message: `is not valid CSV: ${(error as Error).message}`,
    });
    return [];
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (!KNOWN.has(name)) {
      problems.push({
        file,
        line: 1,
        field: printable(name),
        message: `is not a known column (known: ${FIELDS.join(', ')})`,
      });
    } else if (seen.has(name)) {
      problems.push({ file, line: 1, field: name, message: 'is a column twice' });
    }
    seen.add(name);
  }
  const starts = csvRecordLines(text);
  const matched = starts.length === rows.length + 1;
  return rows.map(({ record, info }, i) => {
    const line = matched ? (starts[i + 1] as number) : info.lines;
    const fields = new Map<string, RawField>();
    for (const [name, value] of Object.entries(record)) {
      if (KNOWN.has(name)) fields.set(name, { kind: 'csv', value, line });
    }
    return { record: i + 1, line, fields, problems: [] };
  });
}
