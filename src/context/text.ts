/**
 * Plain-text helpers shared by the parser-based code and its fallback: whole-word search
 * (a cheap `indexOf` first, a boundary check second) and line arithmetic.
 */

/** True for characters that can be part of an identifier in the languages we read (`$` for JS and PHP). */
export function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 36 || // $
    code > 127 // letters of other scripts: never a boundary
  );
}

function boundedAt(text: string, index: number, length: number): boolean {
  return (index === 0 || !isWordChar(text.charCodeAt(index - 1))) && !isWordChar(text.charCodeAt(index + length));
}

/** Offsets where `word` occurs as a whole word (not inside a longer identifier). */
export function wordOccurrences(text: string, word: string): number[] {
  const out: number[] = [];
  if (word === '') return out;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    if (boundedAt(text, i, word.length)) out.push(i);
  }
  return out;
}

/** True when `word` occurs in `text` as a whole word. `includes` rejects most files before any boundary check. */
export function containsWord(text: string, word: string): boolean {
  if (word === '' || !text.includes(word)) return false;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    if (boundedAt(text, i, word.length)) return true;
  }
  return false;
}

/** The lines of a text, without their line breaks (a trailing break adds no empty last line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** 1-based line of each offset, for sorted or unsorted offsets. */
export function lineOfOffset(text: string, offsets: number[]): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return offsets.map((offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  });
}

/** Identifier-shaped words (letters, digits, `_`, `$`, not starting with a digit) of one line, with their columns. */
export function wordsOf(line: string): { word: string; column: number }[] {
  const out: { word: string; column: number }[] = [];
  const re = /[A-Za-z_$][\w$]*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ word: m[0], column: m.index });
  return out;
}
