import type { Node } from '@vscode/tree-sitter-wasm';
import { fallbackDefinitions, fallbackReferences, fallbackUsages } from './fallback.js';
import {
  CALL_TYPES,
  NAME_TYPES,
  bodyOf,
  definitionKind,
  fieldOf,
  insideImport,
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
import { readImports, type FileImports } from './imports.js';
import type { LanguageId } from './languages.js';
import { withTree } from './parser.js';
import { wordOccurrences } from './text.js';

/** A module-level or member definition: a function, method, type, class, constant, field. */
export type Definition = {
  name: string;
  kind: DefinitionKind;
  /** 1-based lines, including the doc comment above, decorators, `export` and `template<…>`. */
  startLine: number;
  endLine: number;
  /** 1-based first line of the code itself, after the doc comment. */
  codeLine: number;
  /** The header up to the body (`export function f(a: T): U`), at most a few lines. */
  signature: string;
  /** 1-based last line of the header: the signature of a function, the `class …` line of a type, the last line of a constant. */
  headerEnd: number;
  /** The class, impl or namespace it belongs to (`Invoice` for `Invoice.total`), else null. */
  container: string | null;
};

/** A file's definitions and imports. */
export type Outline = { definitions: Definition[]; imports: FileImports };

/** A name used on a line: called, read through a receiver (`m.f`), or a type. */
export type Usage = {
  name: string;
  /** 1-based. */
  line: number;
  call: boolean;
  /** The receiver text when it is a member (`log` in `log.info(…)`), else null. */
  receiver: string | null;
  /** True where the name is written rather than read: a declaration, a parameter, an assignment target. */
  declared: boolean;
};

const MAX_SIGNATURE_LINES = 4;

/** The definitions of a parsed file (not the locals inside functions). */
export function definitionsInTree(root: Node, source: string, language: LanguageId): Definition[] {
  const out: Definition[] = [];
  // `container` is the enclosing class/impl/namespace; `inType` is false inside a namespace or module,
  // where a function is still a function, not a method.
  const visit = (node: Node, container: string | null, inType: boolean, depth: number): void => {
    if (depth > 8) return;
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (isTransparent(child, language)) {
        const specs = child.namedChildren.filter((c) => c && definitionKind(c, language));
        // A Go group of one (`const X = 1`) keeps its keyword: the group is the definition's extent.
        if (specs.length === 1 && specs[0]) addDefinition(child, specs[0], container, inType, depth);
        else visit(child, container, inType, depth + 1);
        continue;
      }
      const decl = isWrapper(child) ? unwrap(child, language) : child;
      if (decl) addDefinition(child, decl, container, inType, depth);
    }
  };
  const addDefinition = (outer: Node, decl: Node, container: string | null, inType: boolean, depth: number): void => {
    const kind = definitionKind(decl, language);
    if (!kind || isRequire(decl)) return;
    const def = makeDefinition(outer, decl, kind, inType ? container : null, container, source, language);
    if (def) out.push(def);
    if (isContainer(kind)) {
      const body = bodyOf(decl);
      if (body) visit(body, def?.name ?? container, kind !== 'module', depth + 1);
    }
  };
  visit(root, null, false, 0);
  return out;
}

/** `const x = require('m')`: an import, listed by readImports, not a definition. */
function isRequire(decl: Node): boolean {
  if (decl.type !== 'lexical_declaration' && decl.type !== 'variable_declaration') return false;
  const value = decl.firstNamedChild?.childForFieldName('value');
  return value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'require';
}

function makeDefinition(
  outer: Node,
  decl: Node,
  kind: DefinitionKind,
  ownerType: string | null,
  container: string | null,
  source: string,
  language: LanguageId,
): Definition | null {
  const nameAt = nameNode(decl);
  const name = nameAt?.text ?? (decl.type === 'function_expression' ? 'default' : null);
  if (!name) return null;
  const body = kind === 'constant' || kind === 'variable' || kind === 'field' ? null : bodyOf(decl);
  const headerEnd = body ? body.startIndex : decl.endIndex;
  return {
    name,
    kind: refineKind(decl, kind, ownerType ?? (nameAt && qualifierOf(nameAt)) ?? receiverType(decl), language),
    startLine: leadingCommentRow(outer) + 1,
    endLine: lastRow(outer) + 1,
    codeLine: outer.startPosition.row + 1,
    signature: clipLines(source.slice(outer.startIndex, headerEnd).trimEnd(), MAX_SIGNATURE_LINES),
    headerEnd: (body ? headerLastRow(body, source) : lastRow(outer)) + 1,
    container: (nameAt && qualifierOf(nameAt)) ?? receiverType(decl) ?? container,
  };
}

/**
 * The precise kind of a definition: a function inside a type is a method, a `const` holding an
 * arrow function is a function, a `final`/`const` field is a constant. `ownerType` is the class,
 * struct or impl it belongs to (null at the top level and in namespaces).
 */
export function refineKind(
  decl: Node,
  kind: DefinitionKind,
  ownerType: string | null,
  language: LanguageId,
): DefinitionKind {
  const container = ownerType;
  if (kind === 'function' && container !== null) return 'method';
  if (decl.type === 'lexical_declaration' || decl.type === 'variable_declaration') {
    const value = decl.firstNamedChild?.childForFieldName('value')?.type ?? '';
    if (/arrow_function|function_expression|^function$/.test(value)) return 'function';
    return decl.text.startsWith('const') ? 'constant' : 'variable';
  }
  if ((language === 'c' || language === 'cpp') && (kind === 'variable' || kind === 'field')) {
    if (decl.descendantsOfType('function_declarator').length > 0) return container !== null ? 'method' : 'function';
    return /\b(const|constexpr)\b/.test(decl.text.split('=')[0] ?? '') ? 'constant' : kind;
  }
  if (kind === 'field' && /\b(final|const)\b/.test(decl.text.split('=')[0] ?? '')) return 'constant';
  if (kind === 'variable' && /^[A-Z][A-Z0-9_]*$/.test(nameNode(decl)?.text ?? '')) return 'constant';
  return kind;
}

/** The first `max` lines of `text`, with an ellipsis when cut. */
export function clipLines(text: string, max: number): string {
  const lines = text.split('\n');
  return lines.length <= max ? text : `${lines.slice(0, max).join('\n')} …`;
}

/** Definitions and imports of a parsed file. */
export function outlineTree(root: Node, source: string, language: LanguageId): Outline {
  return { definitions: definitionsInTree(root, source, language), imports: readImports(root, language) };
}

/** Definitions and imports of a file; the text fallback (definitions by keyword, no imports) when it cannot be parsed. */
export async function outline(source: string, language: LanguageId | null): Promise<Outline> {
  const parsed = language ? await withTree(source, language, (root) => outlineTree(root, source, language)) : null;
  return parsed ?? { definitions: fallbackDefinitions(source), imports: { bindings: [], modules: [] } };
}

const DECLARING_PARENT =
  /declarator|parameter|assignment|pattern|let_declaration|short_var|for_statement|for_in|range_clause|enhanced_for|foreach|catch|_spec$|element$|lambda|closure/;
const PASS_THROUGH = new Set([
  'expression_list',
  'pattern_list',
  'tuple_pattern',
  'array_pattern',
  'object_pattern',
  'list_pattern',
  'variable_name',
  'pointer_declarator',
  'reference_declarator',
  'type',
  'typed_parameter',
  'default_parameter',
]);

/** True where `node` (a name) is written: declared, a parameter, an assignment or loop target, or a definition's name. */
export function isDeclaring(node: Node, language: LanguageId): boolean {
  let current = node;
  for (let i = 0; i < 3 && current.parent && PASS_THROUGH.has(current.parent.type); i++) current = current.parent;
  const parent = current.parent;
  if (!parent) return false;
  if (definitionKind(parent, language) && nameNode(parent)?.equals(node)) return true;
  const field = fieldOf(current);
  if (field === null) {
    if (/parameters|parameter_list|method_parameters/.test(parent.type)) return true;
    // PHP `const X = 1` (const_element) and similar: the name is the first child, with no field.
    return /_element$|_spec$/.test(parent.type) && parent.firstNamedChild?.equals(current) === true;
  }
  return (
    ['name', 'pattern', 'left', 'declarator', 'alias', 'key'].includes(field) && DECLARING_PARENT.test(parent.type)
  );
}

/** What `node` (a name) is: called? through which receiver? */
function describeUse(node: Node): { call: boolean; receiver: string | null } {
  const parent = node.parent;
  if (!parent) return { call: false, receiver: null };
  const field = fieldOf(node);
  let callee: Node = node;
  let receiver: string | null = null;
  if (field && ['property', 'attribute', 'field', 'name', 'method'].includes(field)) {
    const object = ['object', 'operand', 'receiver', 'value', 'expression', 'argument', 'scope', 'path']
      .map((f) => parent.childForFieldName(f))
      .find((n) => n && !n.equals(node));
    if (object) {
      receiver = object.text.length <= 80 ? object.text : null;
      callee = CALL_TYPES.has(parent.type) ? node : parent;
    }
  }
  if (CALL_TYPES.has(callee.type) && callee.equals(parent)) return { call: true, receiver };
  const call = callee.parent;
  if (!call || !CALL_TYPES.has(call.type)) return { call: false, receiver };
  // The callee, not an argument: `f(x)` calls f, not x.
  const calleeField = fieldOf(callee);
  const isCallee =
    calleeField === null
      ? !/argument/.test(callee.parent?.type ?? '')
      : ['function', 'method', 'name', 'macro', 'constructor', 'type'].includes(calleeField);
  return { call: isCallee, receiver };
}

/** Names used on the given 1-based lines of a parsed file, in order, one entry per occurrence. */
export function usagesInTree(root: Node, language: LanguageId, lines: number[]): Usage[] {
  const out: Usage[] = [];
  const seen = new Set<number>();
  for (const line of [...new Set(lines)].sort((a, b) => a - b)) {
    const row = line - 1;
    const nodes = root.descendantsOfType([...NAME_TYPES], { row, column: 0 }, { row, column: 1 << 30 });
    for (const node of nodes) {
      if (!node || node.startPosition.row !== row || seen.has(node.id) || insideImport(node)) continue;
      seen.add(node.id);
      const { call, receiver } = describeUse(node);
      out.push({ name: node.text, line, call, receiver, declared: isDeclaring(node, language) });
    }
  }
  return out;
}

/** Names used on the given lines; the text fallback (identifier-like words) when the file cannot be parsed. */
export async function identifiersUsed(source: string, language: LanguageId | null, lines: number[]): Promise<Usage[]> {
  const parsed = language ? await withTree(source, language, (root) => usagesInTree(root, language, lines)) : null;
  return parsed ?? fallbackUsages(source, lines);
}

/**
 * The 1-based lines where `name` is used in a parsed file: a real name node (not a word in a
 * comment or string), not the name of a definition, not a declaration, not in an import.
 */
export function referencesInTree(root: Node, source: string, language: LanguageId, name: string): number[] {
  const lines = new Set<number>();
  for (const index of wordOccurrences(source, name)) {
    const node = root.descendantForIndex(index, index + name.length);
    if (!node || node.text !== name || !NAME_TYPES.has(node.type)) continue;
    if (isDeclaring(node, language) || insideImport(node)) continue;
    lines.add(node.startPosition.row + 1);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Lines where `name` is used (not defined) in `source`; whole-word lines minus definitions when it cannot be parsed. */
export async function findReferences(source: string, language: LanguageId | null, name: string): Promise<number[]> {
  const parsed = language
    ? await withTree(source, language, (root) => referencesInTree(root, source, language, name))
    : null;
  return parsed ?? fallbackReferences(source, name);
}

/** Names declared, assigned or taken as parameters between two 1-based lines (the locals of a scope). */
export function declaredNamesIn(root: Node, language: LanguageId, startLine: number, endLine: number): Set<string> {
  const out = new Set<string>();
  const nodes = root.descendantsOfType(
    [...NAME_TYPES],
    { row: startLine - 1, column: 0 },
    { row: endLine - 1, column: 1 << 30 },
  );
  for (const node of nodes) if (node && isDeclaring(node, language)) out.add(node.text);
  return out;
}
