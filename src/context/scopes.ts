import type { Node } from '@vscode/tree-sitter-wasm';
import { fallbackScope } from './fallback.js';
import {
  bodyOf,
  definitionKind,
  isContainer,
  isTransparent,
  isWrapper,
  lastRow,
  headerLastRow,
  leadingCommentRow,
  nameNode,
  qualifierOf,
  receiverType,
  unwrap,
  type DefinitionKind,
} from './grammar.js';
import type { LanguageId } from './languages.js';
import { withTree } from './parser.js';
import { mergeRanges, type LineRange } from './ranges.js';
import { isDeclaring, refineKind } from './symbols.js';
import { splitLines, wordOccurrences } from './text.js';

export type { LineRange };

/** The scope that encloses some lines: a function, method, class member or top-level statement. */
export type Scope = {
  /** 1-based, including decorators / `export` / `template<…>`, and the doc comment above when shown whole. */
  startLine: number;
  endLine: number;
  kind: DefinitionKind;
  name: string;
  /** The input lines this scope encloses. */
  lines: number[];
  /** The ranges shown: the whole scope, or its header, the lines around the change and its closing line. */
  kept: LineRange[];
  /** The kept lines, with a `… N lines elided …` line for each gap. */
  text: string;
};

export type ScopeOptions = {
  /** A scope longer than this is cut (default 80). */
  maxLines?: number;
  /** Lines kept on each side of a target line in a cut scope (default 6). */
  radius?: number;
  /** Names whose declarations or assignments inside a cut scope are kept (the variables the change reads). */
  keepNames?: readonly string[];
};

const DEFAULT_MAX_LINES = 80;
const DEFAULT_RADIUS = 6;
/** Most declaration lines kept per name in a cut scope: the first ones set it up, later ones are noise. */
const MAX_DECLARATIONS_PER_NAME = 3;

/** The marker for a gap in a cut block, as shown to the model. */
export function elisionMarker(count: number): string {
  return `… ${count} line${count === 1 ? '' : 's'} elided …`;
}

function isFunctionLike(kind: DefinitionKind | null): boolean {
  return kind === 'function' || kind === 'method';
}

/** The wrapper that owns a declaration (`export function f` → the export statement), or the node itself. */
function outermost(node: Node): Node {
  let n = node;
  while (n.parent && isWrapper(n.parent)) n = n.parent;
  return n;
}

/** True when `node` is a definition of the file or of a class/namespace, not a local inside a function. */
function atDefinitionLevel(node: Node, language: LanguageId): boolean {
  let p = outermost(node).parent;
  while (p && isTransparent(p, language)) p = p.parent;
  if (!p || !p.parent) return true;
  const owner = p.parent;
  const kind = definitionKind(owner, language);
  return kind !== null && isContainer(kind) && bodyOf(owner)?.equals(p) === true;
}

/** The scope node of a 0-based row: innermost function/method, else innermost top-level or member definition, else the top-level statement. */
function scopeNodeAt(root: Node, lines: string[], row: number, language: LanguageId): Node | null {
  const text = lines[row] ?? '';
  const column = Math.max(0, text.search(/\S/));
  const node = root.descendantForPosition({ row, column });
  if (!node) return null;
  let member: Node | null = null;
  let top: Node | null = null;
  for (let n: Node | null = node; n && n.parent; n = n.parent) {
    const kind = definitionKind(n, language);
    if (isFunctionLike(kind)) return outermost(n);
    if (kind && !member && atDefinitionLevel(n, language)) member = outermost(n);
    let p: Node | null = n.parent;
    while (p && isTransparent(p, language) && p.parent) p = p.parent;
    if (p && !p.parent) top = n;
  }
  return member ?? top;
}

/**
 * The ranges of a block to show: all of it when short, else its header, the lines around each
 * target, the lines in `keep`, and its last line. Gaps of one or two lines are shown rather
 * than elided: the marker would cost as much.
 */
export function cutBlock(
  start: number,
  end: number,
  headerEnd: number,
  targets: readonly number[],
  keep: readonly number[],
  options: ScopeOptions = {},
): LineRange[] {
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  if (end - start + 1 <= maxLines) return [[start, end]];
  const radius = options.radius ?? DEFAULT_RADIUS;
  const clamp = (n: number): number => Math.min(end, Math.max(start, n));
  const ranges: LineRange[] = [
    [start, clamp(Math.min(headerEnd, start + 5))],
    [end, end],
  ];
  for (const t of targets) ranges.push([clamp(t - radius), clamp(t + radius)]);
  for (const k of keep) ranges.push([clamp(k), clamp(k)]);
  return mergeRanges(ranges, 2);
}

/** The text of the kept ranges, with an elision marker for each gap. */
export function keptText(lines: readonly string[], kept: readonly LineRange[]): string {
  const out: string[] = [];
  kept.forEach(([s, e], i) => {
    const prev = kept[i - 1];
    if (prev && s > prev[1] + 1) out.push(elisionMarker(s - prev[1] - 1));
    for (let l = s; l <= e; l++) out.push(lines[l - 1] ?? '');
  });
  return out.join('\n');
}

/** The class, struct or impl a declaration belongs to (not a namespace), or null at the top level. */
function ownerTypeOf(decl: Node, language: LanguageId): string | null {
  const name = nameNode(decl);
  const qualified = (name && qualifierOf(name)) ?? receiverType(decl);
  if (qualified) return qualified;
  for (let n = decl.parent; n; n = n.parent) {
    const kind = definitionKind(n, language);
    if (kind && isContainer(kind) && kind !== 'module') return nameNode(n)?.text ?? '';
  }
  return null;
}

/** Rows (1-based) inside [start, end] where one of `names` is declared or assigned. */
function declarationLines(
  root: Node,
  source: string,
  language: LanguageId,
  node: Node,
  names: readonly string[],
): number[] {
  const out: number[] = [];
  const slice = source.slice(node.startIndex, node.endIndex);
  for (const name of new Set(names)) {
    let found = 0;
    for (const offset of wordOccurrences(slice, name)) {
      const index = node.startIndex + offset;
      const at = root.descendantForIndex(index, index + name.length);
      if (!at || at.text !== name || !isDeclaring(at, language)) continue;
      out.push(at.startPosition.row + 1);
      if (++found >= MAX_DECLARATIONS_PER_NAME) break;
    }
  }
  return out;
}

/** Enclosing scopes of 1-based `lines` in a parsed file, one per distinct scope, in file order. */
export function scopesInTree(
  root: Node,
  source: string,
  language: LanguageId,
  lines: readonly number[],
  options: ScopeOptions = {},
): Scope[] {
  const text = splitLines(source);
  const byNode = new Map<string, { node: Node; lines: number[] }>();
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    if (line < 1 || line > text.length) continue;
    const node = scopeNodeAt(root, text, line - 1, language);
    if (!node) continue;
    const key = `${node.startIndex}:${node.endIndex}`;
    const entry = byNode.get(key) ?? { node, lines: [] };
    entry.lines.push(line);
    byNode.set(key, entry);
  }
  const out: Scope[] = [];
  for (const { node, lines: inside } of byNode.values()) {
    let decl = node;
    while (isWrapper(decl)) {
      const inner = unwrap(decl, language);
      if (!inner) break;
      decl = inner;
    }
    const raw = definitionKind(decl, language);
    const kind = raw ? refineKind(decl, raw, ownerTypeOf(decl, language), language) : 'statement';
    const end = lastRow(node) + 1;
    // The doc comment above comes along when the whole scope is shown; a cut scope starts at its code.
    const commented = leadingCommentRow(node) + 1;
    const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
    const start = end - commented + 1 <= maxLines ? commented : node.startPosition.row + 1;
    const body = kind === 'statement' ? null : bodyOf(decl);
    const headerEnd = body ? headerLastRow(body, source) + 1 : start;
    const keep =
      options.keepNames && end - start + 1 > maxLines
        ? declarationLines(root, source, language, node, options.keepNames)
        : [];
    const kept = cutBlock(start, end, headerEnd, inside, keep, options);
    out.push({
      startLine: start,
      endLine: end,
      kind,
      name: kind === 'statement' ? '' : (nameNode(decl)?.text ?? ''),
      lines: inside,
      kept,
      text: keptText(text, kept),
    });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

/** The same from text alone, for files tree-sitter cannot parse here. */
export function fallbackScopes(source: string, lines: readonly number[], options: ScopeOptions = {}): Scope[] {
  const text = splitLines(source);
  const byRange = new Map<string, Scope>();
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    if (line < 1 || line > text.length) continue;
    const block = fallbackScope(source, line);
    const key = `${block.startLine}:${block.endLine}`;
    const scope = byRange.get(key) ?? { ...block, lines: [], kept: [], text: '' };
    scope.lines.push(line);
    byRange.set(key, scope);
  }
  const out = [...byRange.values()];
  for (const scope of out) {
    scope.kept = cutBlock(scope.startLine, scope.endLine, scope.startLine, scope.lines, [], options);
    scope.text = keptText(text, scope.kept);
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}

/**
 * The innermost function, method, class member or top-level declaration around each of
 * `lines` (1-based) in `source`; huge ones cut to their header, the lines around the change
 * and their closing line. Falls back to indentation when the language cannot be parsed.
 */
export async function enclosingScopes(
  source: string,
  language: LanguageId | null,
  lines: readonly number[],
  options: ScopeOptions = {},
): Promise<Scope[]> {
  const parsed = language
    ? await withTree(source, language, (root) => scopesInTree(root, source, language, lines, options))
    : null;
  return parsed ?? fallbackScopes(source, lines, options);
}
