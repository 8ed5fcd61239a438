// Which characters a field may hold, and how text from a file is shown in a message.

export const hex = (n: number, width = 4) => n.toString(16).toUpperCase().padStart(width, '0');

const CONTROL_NAMES: Record<number, string> = {
  0: 'NUL',
  9: 'tab',
  10: 'line feed',
  13: 'carriage return',
  27: 'escape',
  127: 'DEL',
};

const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

/** Text from the file as shown in a message, control characters written as escapes. */
export function printable(value: string): string {
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0) as number;
    out += isControl(code) || (code >= 0xd800 && code <= 0xdfff) ? `\\u${hex(code)}` : c;
  }
  return out;
}

export const quote = (value: string) => `"${printable(value)}"`;

/**
 * The first character a field may not hold: C0 controls (tab, line feed and carriage return
 * only in multi-line text), DEL, C1 controls, and half of a surrogate pair.
 */
export function badCharacter(
  value: string,
  multiLine: boolean,
): { message: string; offset: number } | null {
  let position = 0;
  let offset = 0;
  for (const c of value) {
    position++;
    const code = c.codePointAt(0) as number;
    const whitespace = code === 0x09 || code === 0x0a || code === 0x0d;
    if (isControl(code) && !(multiLine && whitespace)) {
      const name = CONTROL_NAMES[code];
      const message = whitespace
        ? `holds a ${name} (U+${hex(code)}) at character ${position}; only multi-line text such as the summary may`
        : `holds the control character U+${hex(code)}${name ? ` (${name})` : ''} at character ${position}`;
      return { message, offset };
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      return {
        message: `holds an unpaired surrogate U+${hex(code)} at character ${position}`,
        offset,
      };
    }
    offset += c.length;
  }
  return null;
}
