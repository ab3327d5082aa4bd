import type { DefinitionKind } from './grammar.js';
import type { Definition, Usage } from './symbols.js';
import { splitLines, wordOccurrences, wordsOf, lineOfOffset } from './text.js';

/**
 * Text heuristics for files tree-sitter cannot parse here: a language without a grammar,
 * a grammar that failed to load, a file too big. Blocks come from indentation and closing
 * lines (`}`, `end`, `)`), definitions from a leading keyword. Cruder than a parse, but the
 * same shapes, so the selection needs no second code path.
 */

/** A block found by indentation: 1-based lines, a kind and a name when the header says one. */
export type TextBlock = { startLine: number; endLine: number; kind: DefinitionKind; name: string };

const DEF_RE =
  /^\s*(?:(?:export|default|async|public|private|protected|static|pub|abstract|final|inline|override|local|extern)\s+)*(const\s+val|def|function|func|fun|fn|sub|proc|class|struct|interface|trait|enum|module|namespace|type|const|let|var|val|macro|object|record|impl)\s+((?:[A-Za-z_$][\w$]*[.:])*[A-Za-z_$][\w$]*)/;

const KIND_OF: Record<string, DefinitionKind> = {
  def: 'function',
  function: 'function',
  func: 'function',
  fun: 'function',
  fn: 'function',
  sub: 'function',
  proc: 'function',
  macro: 'macro',
  class: 'class',
  object: 'class',
  record: 'class',
  struct: 'struct',
  interface: 'interface',
  trait: 'interface',
  enum: 'enum',
  module: 'module',
  namespace: 'module',
  impl: 'impl',
  type: 'type',
  const: 'constant',
  'const val': 'constant',
  val: 'constant',
  let: 'variable',
  var: 'variable',
};

const CLOSER_RE = /^\s*(?:[}\])]|end\b|fi\b|esac\b|done\b)/;
const OPENS_RE = /[{(:[]\s*$|\bdo\s*$/;
const ANNOTATION_RE = /^\s*(?:@|#\[|\[[A-Z])/;

/** `total` of `M.total` or `M:total` (Lua, JS `a.b = function`): the name a caller uses. */
function lastName(dotted: string): string {
  return dotted.slice(Math.max(dotted.lastIndexOf('.'), dotted.lastIndexOf(':')) + 1);
}

function indentOf(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4;
    else return width;
  }
  return -1; // blank
}

/** The indent of a row, or of the next non-blank row below it for a blank one. */
function effectiveIndent(lines: string[], row: number): number {
  for (let r = row; r < lines.length; r++) {
    const indent = indentOf(lines[r] ?? '');
    if (indent >= 0) return indent;
  }
  return 0;
}

/** Last row (0-based) of the block whose header is at `header`. */
function blockEnd(lines: string[], header: number): number {
  const base = indentOf(lines[header] ?? '');
  let last = header;
  for (let r = header + 1; r < lines.length; r++) {
    const line = lines[r] ?? '';
    const indent = indentOf(line);
    if (indent < 0) continue;
    if (indent > base) {
      last = r;
      continue;
    }
    if (CLOSER_RE.test(line)) {
      last = r;
      if (OPENS_RE.test(line)) continue; // `) {` or `} else {`: the block goes on
      return last;
    }
    return last;
  }
  return last;
}

function describe(line: string): { kind: DefinitionKind; name: string } {
  const m = DEF_RE.exec(line);
  if (m) return { kind: KIND_OF[(m[1] ?? '').replace(/\s+/, ' ')] ?? 'statement', name: lastName(m[2] ?? '') };
  return { kind: 'statement', name: '' };
}

/**
 * The block around a 1-based line: the innermost enclosing header that looks like a
 * definition (`def`, `function`, …), else the outermost one, else the paragraph around it.
 */
export function fallbackScope(source: string, line: number): TextBlock {
  const lines = splitLines(source);
  const row = Math.min(Math.max(line - 1, 0), Math.max(lines.length - 1, 0));
  const headers: number[] = [];
  const own = indentOf(lines[row] ?? '');
  // A header line is its own block's start.
  if (own >= 0 && OPENS_RE.test(lines[row] ?? '') && !CLOSER_RE.test(lines[row] ?? '')) headers.push(row);
  let threshold = effectiveIndent(lines, row);
  for (let r = row - 1; r >= 0 && threshold > 0; r--) {
    const text = lines[r] ?? '';
    const indent = indentOf(text);
    if (indent < 0 || indent >= threshold || CLOSER_RE.test(text)) continue;
    headers.push(r);
    threshold = indent;
  }
  const named = headers.find((r) => describe(lines[r] ?? '').kind !== 'statement');
  const header = named ?? headers.at(-1);
  if (header === undefined) {
    let start = row;
    let end = row;
    while (start > 0 && start > row - 10 && indentOf(lines[start - 1] ?? '') >= 0) start--;
    while (end < lines.length - 1 && end < row + 10 && indentOf(lines[end + 1] ?? '') >= 0) end++;
    return { startLine: start + 1, endLine: end + 1, kind: 'statement', name: '' };
  }
  let start = header;
  const headerIndent = indentOf(lines[header] ?? '');
  while (start > 0 && ANNOTATION_RE.test(lines[start - 1] ?? '') && indentOf(lines[start - 1] ?? '') === headerIndent)
    start--;
  return { startLine: start + 1, endLine: blockEnd(lines, header) + 1, ...describe(lines[header] ?? '') };
}

/** Definitions found by a leading keyword (`def f`, `function f`, `class C`, `const X`), with their blocks. */
export function fallbackDefinitions(source: string): Definition[] {
  const lines = splitLines(source);
  const out: Definition[] = [];
  lines.forEach((text, row) => {
    const m = DEF_RE.exec(text);
    if (!m) return;
    const kind = KIND_OF[(m[1] ?? '').replace(/\s+/, ' ')] ?? 'statement';
    const local = indentOf(text) > 0 && (kind === 'constant' || kind === 'variable');
    if (local) return; // an indented `let` is a local, not a definition
    const end = OPENS_RE.test(text) ? blockEnd(lines, row) : row;
    out.push({
      name: lastName(m[2] ?? ''),
      kind,
      startLine: row + 1,
      endLine: end + 1,
      codeLine: row + 1,
      signature: text.trim(),
      headerEnd: row + 1,
      container: null,
    });
  });
  return out;
}

const KEYWORDS = new Set(
  (
    'if else elif for while do return break continue switch case default try catch finally throw throws new delete ' +
    'function def func fn class struct interface enum import from export as in of is not and or let const var ' +
    'true false null nil None True False undefined this self super void static public private protected final ' +
    'async await yield with lambda pass raise except end begin then module package use using namespace type typeof ' +
    'instanceof sizeof return int float double char bool boolean string long short unsigned signed auto mut pub impl where'
  ).split(' '),
);

/** Identifier-shaped words on the given lines, minus keywords; a word before `(` counts as a call. */
export function fallbackUsages(source: string, lines: number[]): Usage[] {
  const text = splitLines(source);
  const out: Usage[] = [];
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    const code = text[line - 1] ?? '';
    for (const { word, column } of wordsOf(code)) {
      if (KEYWORDS.has(word)) continue;
      const after = code.slice(column + word.length);
      const before = code.slice(0, column);
      const receiver = /([A-Za-z_$][\w$]*)\s*(?:\.|::|->)\s*$/.exec(before)?.[1] ?? null;
      out.push({ name: word, line, call: /^\s*\(/.test(after), receiver, declared: /^\s*=[^=]/.test(after) });
    }
  }
  return out;
}

/** Lines that hold `name` as a whole word, minus the lines where a keyword defines it. */
export function fallbackReferences(source: string, name: string): number[] {
  const defined = new Set(
    fallbackDefinitions(source)
      .filter((d) => d.name === name)
      .map((d) => d.startLine),
  );
  const lines = lineOfOffset(source, wordOccurrences(source, name));
  return [...new Set(lines)].filter((l) => !defined.has(l)).sort((a, b) => a - b);
}
