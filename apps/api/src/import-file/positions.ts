// Lines and columns of offsets into a file's text, for messages that point at the character.

/** Turns offsets into a text into lines and columns (from 1; columns in characters). */
export class Positions {
  private readonly lineStarts = [0];
  // Problems come mostly in file order: counting on from the last column asked for keeps
  // columns cheap on a long minified line.
  private last = { offset: 0, line: 0, column: 1 };

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.lineStarts[lo] as number;
    const from = this.last.line === lo && this.last.offset <= offset ? this.last : null;
    let column = from ? from.column : 1;
    for (let i = from ? from.offset : start; i < offset; i++) {
      // The second half of a surrogate pair is not a character of its own.
      const low = this.text.charCodeAt(i) >= 0xdc00 && this.text.charCodeAt(i) <= 0xdfff;
      const afterHigh =
        i > 0 && this.text.charCodeAt(i - 1) >= 0xd800 && this.text.charCodeAt(i - 1) <= 0xdbff;
      if (!(low && afterHigh)) column++;
    }
    this.last = { offset, line: lo, column };
    return { line: lo + 1, column };
  }
}
