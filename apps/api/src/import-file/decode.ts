// Bytes to text: UTF-8 unless an encoding is named, and a file that does not decode is refused
// with the line, column and byte where it stops.

import { hex } from './characters.ts';
import { Positions } from './positions.ts';
import type { Problem } from './problems.ts';

/** Whether TextDecoder knows an encoding by this name. */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The characters before the first byte that cannot be decoded, and that byte's offset. */
function decodingFailure(bytes: Uint8Array, encoding: string): { before: string; offset: number } {
  const decoder = () => new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const fails = (n: number) => {
    try {
      decoder().decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // The shortest failing prefix ends at the byte that gave it away (a prefix that fails stays
  // failing when longer); when none fails, the file ends inside a character.
  let lo = 0;
  let hi = bytes.length;
  if (fails(hi)) {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fails(mid)) hi = mid;
      else lo = mid;
    }
  } else {
    lo = bytes.length;
  }
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(0, lo), {
    stream: true,
  });
  // In UTF-8 the bad sequence starts right after the last whole character.
  const offset = encoding === 'utf-8' ? Buffer.byteLength(before, 'utf8') : Math.max(0, hi - 1);
  return { before, offset };
}

/** The file's text, or null (with the problem reported) when it does not decode. */
export function decode(
  bytes: Uint8Array,
  file: string,
  label: string | undefined,
  problems: Problem[],
): string | null {
  const encoding = new TextDecoder(label ?? 'utf-8').encoding;
  const bom = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // (A UTF-8 mark is gone already; the decoder drops a UTF-16 one itself.)
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: encoding === 'utf-8' }).decode(body);
  } catch {
    const { before, offset } = decodingFailure(body, encoding);
    const { line, column } = new Positions(before).at(before.length);
    const byte =
      body[offset] === undefined
        ? 'the end of the file'
        : `byte 0x${hex(body[offset] as number, 2)}`;
    const at = `${byte} at offset ${offset + (bom ? 3 : 0)}`;
    problems.push({
      file,
      line,
      column,
      field: '(file)',
      message:
        encoding === 'utf-8'
          ? `is not valid UTF-8 (${at}). Save it as UTF-8, or name its encoding with --encoding, e.g. --encoding windows-1252 (Latin-1), --encoding shift_jis or --encoding euc-jp`
          : `is not valid ${encoding} (${at}); check the name given to --encoding`,
    });
    return null;
  }
}
