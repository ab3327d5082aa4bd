import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageId } from './languages.js';

/**
 * What the tree-sitter grammars call things, in one place: which node types declare
 * something, which only wrap a declaration, which hold members, which are names. The rest of
 * src/context/ asks these questions instead of matching node types itself.
 */

/** What a definition (or an enclosing scope) is. `statement` is a top-level statement that declares nothing. */
export type DefinitionKind =
  | 'function'
  | 'method'
  | 'class'
  | 'struct'
  | 'interface'
  | 'type'
  | 'enum'
  | 'constant'
  | 'variable'
  | 'field'
  | 'module'
  | 'impl'
  | 'macro'
  | 'statement';

const JS_DEFS: Record<string, DefinitionKind> = {
  function_declaration: 'function',
  generator_function_declaration: 'function',
  function_signature: 'function',
  function_expression: 'function', // `export default function () {}`
  class_declaration: 'class',
  abstract_class_declaration: 'class',
  interface_declaration: 'interface',
  type_alias_declaration: 'type',
  enum_declaration: 'enum',
  method_definition: 'method',
  method_signature: 'method',
  abstract_method_signature: 'method',
  public_field_definition: 'field',
  field_definition: 'field',
  lexical_declaration: 'variable',
  variable_declaration: 'variable',
  internal_module: 'module',
  module: 'module',
};

const C_DEFS: Record<string, DefinitionKind> = {
  function_definition: 'function',
  declaration: 'variable',
  field_declaration: 'field',
  type_definition: 'type',
  alias_declaration: 'type',
  struct_specifier: 'struct',
  union_specifier: 'struct',
  class_specifier: 'class',
  enum_specifier: 'enum',
  preproc_def: 'constant',
  preproc_function_def: 'macro',
  namespace_definition: 'module',
  concept_definition: 'type',
};

const DEFS: Record<LanguageId, Record<string, DefinitionKind>> = {
  typescript: JS_DEFS,
  tsx: JS_DEFS,
  javascript: JS_DEFS,
  python: {
    function_definition: 'function',
    class_definition: 'class',
    expression_statement: 'variable', // only when it is an assignment: see nameNode
    type_alias_statement: 'type',
  },
  go: {
    function_declaration: 'function',
    method_declaration: 'method',
    type_spec: 'type',
    type_alias: 'type',
    const_spec: 'constant',
    var_spec: 'variable',
  },
  java: {
    class_declaration: 'class',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
    record_declaration: 'class',
    annotation_type_declaration: 'interface',
    method_declaration: 'method',
    constructor_declaration: 'method',
    compact_constructor_declaration: 'method',
    field_declaration: 'field',
    constant_declaration: 'constant',
  },
  ruby: {
    method: 'method',
    singleton_method: 'method',
    class: 'class',
    module: 'module',
    singleton_class: 'class',
    assignment: 'constant', // only with a constant on the left: see nameNode
  },
  rust: {
    function_item: 'function',
    function_signature_item: 'method',
    struct_item: 'struct',
    union_item: 'struct',
    enum_item: 'enum',
    trait_item: 'interface',
    impl_item: 'impl',
    type_item: 'type',
    const_item: 'constant',
    static_item: 'constant',
    mod_item: 'module',
    macro_definition: 'macro',
  },
  csharp: {
    class_declaration: 'class',
    struct_declaration: 'struct',
    record_declaration: 'class',
    record_struct_declaration: 'struct',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
    namespace_declaration: 'module',
    method_declaration: 'method',
    constructor_declaration: 'method',
    destructor_declaration: 'method',
    operator_declaration: 'method',
    property_declaration: 'field',
    field_declaration: 'field',
    event_field_declaration: 'field',
    delegate_declaration: 'type',
  },
  php: {
    function_definition: 'function',
    class_declaration: 'class',
    interface_declaration: 'interface',
    trait_declaration: 'class',
    enum_declaration: 'enum',
    method_declaration: 'method',
    property_declaration: 'field',
    const_declaration: 'constant',
    namespace_definition: 'module',
  },
  c: C_DEFS,
  cpp: C_DEFS,
};

/** Nodes that only wrap one declaration (`export`, decorators, templates); the wrapper's lines belong to it. */
const WRAPPERS = new Set(['export_statement', 'ambient_declaration', 'decorated_definition', 'template_declaration']);

/** Nodes whose children sit at the level of the node itself: header guards, `extern "C" {}`, Go groups. */
const TRANSPARENT = new Set([
  'preproc_ifdef',
  'preproc_if',
  'preproc_else',
  'preproc_elif',
  'linkage_specification',
  'type_declaration',
  'const_declaration',
  'var_declaration',
  'var_spec_list',
]);

/** Languages where the Go-style `*_declaration` groups above are transparent (elsewhere they are definitions). */
const GO_GROUPS = new Set(['type_declaration', 'const_declaration', 'var_declaration', 'var_spec_list']);

/** Kinds that hold members we list as definitions of their own. */
const CONTAINERS = new Set<DefinitionKind>(['class', 'struct', 'interface', 'enum', 'module', 'impl']);

/** Node types whose text is a name. */
export const NAME_TYPES = new Set([
  'identifier',
  'type_identifier',
  'property_identifier',
  'private_property_identifier',
  'field_identifier',
  'shorthand_property_identifier',
  'shorthand_property_identifier_pattern',
  'namespace_identifier',
  'package_identifier',
  'constant',
  'name',
  'operator_name',
  'destructor_name',
]);

/** Calls, constructions and component uses: their callee is "called". */
export const CALL_TYPES = new Set([
  'call_expression',
  'call',
  'method_invocation',
  'invocation_expression',
  'function_call_expression',
  'member_call_expression',
  'nullsafe_member_call_expression',
  'scoped_call_expression',
  'macro_invocation',
  'new_expression',
  'object_creation_expression',
  'jsx_opening_element',
  'jsx_self_closing_element',
]);

/** Import statements of every grammar: names in them are not uses. */
export const IMPORT_TYPES = new Set([
  'import_statement',
  'import_from_statement',
  'future_import_statement',
  'import_declaration',
  'import_spec',
  'use_declaration',
  'using_directive',
  'namespace_use_declaration',
  'preproc_include',
]);

/** The kind of definition `node` is in `language`, or null when it declares nothing we list. */
export function definitionKind(node: Node, language: LanguageId): DefinitionKind | null {
  const kind = DEFS[language][node.type];
  if (!kind) return null;
  if (language === 'python' && node.type === 'expression_statement') {
    const first = node.firstNamedChild;
    if (first?.type !== 'assignment' && first?.type !== 'augmented_assignment') return null;
  }
  if (language === 'ruby' && node.type === 'assignment' && node.childForFieldName('left')?.type !== 'constant')
    return null;
  if (node.type === 'function_expression' && node.parent?.type !== 'export_statement') return null;
  return kind;
}

/** True for nodes that only wrap one declaration (`export`, decorators, `template<…>`). */
export function isWrapper(node: Node): boolean {
  return WRAPPERS.has(node.type);
}

/** True for nodes whose children are at the node's own level (header guards, Go groups). */
export function isTransparent(node: Node, language: LanguageId): boolean {
  if (GO_GROUPS.has(node.type)) return language === 'go';
  return TRANSPARENT.has(node.type);
}

/** True when definitions of this kind list their members as definitions too. */
export function isContainer(kind: DefinitionKind): boolean {
  return CONTAINERS.has(kind);
}

/** The declaration inside a wrapper (`export function f`, `@dec def f`, `template<…> class C`). */
export function unwrap(node: Node, language: LanguageId): Node | null {
  const inner = node.childForFieldName('declaration') ?? node.childForFieldName('definition');
  if (inner) return inner;
  for (const child of node.namedChildren) if (child && definitionKind(child, language)) return child;
  return null;
}

/** The node that holds a container's members (class body, namespace block, impl block). */
export function bodyOf(node: Node): Node | null {
  const body = node.childForFieldName('body');
  if (body) return body;
  for (const child of node.namedChildren) {
    if (child && /(^|_)(body|declaration_list|block)$/.test(child.type)) return child;
  }
  return null;
}

/**
 * The node that names a definition: its `name` field, else the first name down the
 * declarator / pattern / left chain (C declarators, `const x = …`, `X = …` in Python).
 */
export function nameNode(node: Node): Node | null {
  if (node.type === 'impl_item') return node.childForFieldName('type');
  const direct = node.childForFieldName('name');
  if (direct) return leafName(direct);
  return findName(node, 0);
}

function leafName(node: Node): Node {
  // PHP `$x` is variable_name(name); C# `Shop.Billing` and C++ `ns::f` end with their own name.
  if (node.type === 'variable_name') return node.namedChild(0) ?? node;
  if (node.type === 'qualified_identifier' || node.type === 'scoped_identifier')
    return leafName(node.childForFieldName('name') ?? node);
  return node;
}

const NAME_FIELDS = ['declarator', 'pattern', 'left', 'name'];
const DECLARATOR_LIKE = /declarator|element|spec|assignment|variable_declaration/;

function findName(node: Node, depth: number): Node | null {
  if (depth > 5) return null;
  if (NAME_TYPES.has(node.type)) return node;
  if (node.type === 'qualified_identifier' || node.type === 'variable_name') return leafName(node);
  for (const field of NAME_FIELDS) {
    const child = node.childForFieldName(field);
    if (child) return findName(child, depth + 1);
  }
  // `const x = 1` (variable_declarator), Java/C# fields, PHP const_element, Python assignment.
  for (const child of node.namedChildren) {
    if (child && DECLARATOR_LIKE.test(child.type)) return findName(child, depth + 1);
  }
  // Python `type X = int`, Ruby `X = 1`, PHP `const X = 1` (const_element): the first named child.
  const first = node.firstNamedChild;
  if (first && (first.type === 'type' || first.type === 'constant')) return findName(first, depth + 1);
  if (first && DECLARATOR_LIKE.test(node.type) && NAME_TYPES.has(first.type)) return first;
  return null;
}

/** The C/C++ `A::b` qualifier of a definition's name (`A` in `double A::total()`), else null. */
export function qualifierOf(name: Node): string | null {
  const parent = name.parent;
  if (parent?.type === 'qualified_identifier' && parent.childForFieldName('name')?.equals(name)) {
    return parent.childForFieldName('scope')?.text ?? null;
  }
  return null;
}

/** The Go receiver type of a method (`Invoice` in `func (inv *Invoice) Total()`), else null. */
export function receiverType(node: Node): string | null {
  const receiver = node.childForFieldName('receiver');
  if (!receiver) return null;
  const types = receiver.descendantsOfType('type_identifier');
  return types[0]?.text ?? null;
}

/** The last line (0-based row) a node really covers: a node ending at column 0 ends on the line before. */
export function lastRow(node: Node): number {
  const end = node.endPosition;
  return end.column === 0 && end.row > node.startPosition.row ? end.row - 1 : end.row;
}

/**
 * The first row of the comment block right above a node (its doc comment), or the node's own
 * first row when there is none. A comment that ends a line of code belongs to that code.
 */
export function leadingCommentRow(node: Node): number {
  let row = node.startPosition.row;
  for (let p = node.previousNamedSibling; p && /comment/.test(p.type); p = p.previousNamedSibling) {
    if (lastRow(p) < row - 1) break;
    const before = p.previousSibling;
    if (before && lastRow(before) === p.startPosition.row) break;
    row = p.startPosition.row;
  }
  return row;
}

/**
 * The last row of a definition's header, given its body: the body's own row when the body
 * opens on the header's line (`f() {`), else the row before (a Python block, a `{` alone).
 */
export function headerLastRow(body: Node, source: string): number {
  const row = body.startPosition.row;
  const lineStart = source.lastIndexOf('\n', body.startIndex - 1) + 1;
  return source.slice(lineStart, body.startIndex).trim() === '' && row > 0 ? row - 1 : row;
}

/** Name of the field through which `node` hangs from its parent, or null. */
export function fieldOf(node: Node): string | null {
  const parent = node.parent;
  if (!parent) return null;
  for (let i = 0; i < parent.childCount; i++) {
    if (parent.child(i)?.equals(node)) return parent.fieldNameForChild(i);
  }
  return null;
}

/** True when the node lies inside an import statement. */
export function insideImport(node: Node): boolean {
  for (let n: Node | null = node.parent, i = 0; n && i < 6; n = n.parent, i++) {
    if (IMPORT_TYPES.has(n.type)) return true;
    if (n.type === 'call' && /^require/.test(n.childForFieldName('method')?.text ?? '')) return true;
    // `const { a } = require('./m')` is CommonJS's import statement.
    const value = n.type === 'variable_declarator' ? n.childForFieldName('value') : null;
    if (value?.type === 'call_expression' && value.childForFieldName('function')?.text === 'require') return true;
  }
  return false;
}
