import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageId } from './languages.js';

/**
 * One name an import brings into a file: `import { a as b } from './m'` is
 * `{ local: 'b', imported: 'a', module: './m' }`. `imported` is `*` for a whole module bound to
 * one name (`import * as m`, Go packages, Python `import a.b`), `default` for a default import.
 * A re-export (`export { a } from './m'`) is listed with `reexport: true` so a lookup can follow
 * a barrel file to the real definition.
 */
export type ImportBinding = {
  local: string;
  imported: string;
  module: string;
  /** 1-based line of the import statement. */
  line: number;
  reexport?: boolean;
};

/** What the import statements of a file say: the names they bind and every module they name. */
export type FileImports = {
  bindings: ImportBinding[];
  /** Every module named, with or without names (C includes, Ruby requires, C# usings): a hint for where to look. */
  modules: string[];
};

/**
 * Reads the top-level import statements of a parsed file. Imports nested in functions are
 * rare and skipped; a dynamic `import()` or a computed `require` names nothing we can resolve.
 */
export function readImports(root: Node, language: LanguageId): FileImports {
  const out: FileImports = { bindings: [], modules: [] };
  const visit = (node: Node, depth: number): void => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      const line = child.startPosition.row + 1;
      const add = (local: string, imported: string, module: string, reexport = false): void => {
        out.bindings.push(reexport ? { local, imported, module, line, reexport } : { local, imported, module, line });
      };
      const found = readOne(child, language, add);
      if (found !== null) out.modules.push(...found);
      // Header guards, `extern "C"`, PHP/C# namespaces hold imports one level down.
      else if (depth < 3 && /preproc_if|namespace|declaration_list|compound_statement|linkage/.test(child.type))
        visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

type Add = (local: string, imported: string, module: string, reexport?: boolean) => void;

/** Reads one statement; returns the modules it names, or null when it is no import. */
function readOne(node: Node, language: LanguageId, add: Add): string[] | null {
  switch (language) {
    case 'typescript':
    case 'tsx':
    case 'javascript':
      return readJs(node, add);
    case 'python':
      return readPython(node, add);
    case 'go':
      return node.type === 'import_declaration' ? readGo(node, add) : null;
    case 'java':
      return node.type === 'import_declaration' ? readJava(node, add) : null;
    case 'ruby':
      return readRuby(node);
    case 'rust':
      return node.type === 'use_declaration' ? readRust(node, add) : null;
    case 'csharp':
      return node.type === 'using_directive' ? readCsharp(node) : null;
    case 'php':
      return readPhp(node, add);
    case 'c':
    case 'cpp':
      return node.type === 'preproc_include' ? readInclude(node) : null;
  }
}

function stringContent(node: Node | null): string | null {
  if (!node) return null;
  const text = node.text;
  // Every grammar's string node keeps its quotes; the content is what lies between them.
  const m = /^[`'"<]([^`'">]*)[`'">]$/.exec(text.trim());
  return m ? (m[1] ?? null) : null;
}

function readJs(node: Node, add: Add): string[] | null {
  if (node.type === 'import_statement') {
    const module = stringContent(node.childForFieldName('source'));
    if (module === null) return [];
    const clause = node.namedChildren.find((c) => c?.type === 'import_clause');
    for (const part of clause?.namedChildren ?? []) {
      if (!part) continue;
      if (part.type === 'identifier') add(part.text, 'default', module);
      else if (part.type === 'namespace_import') add(part.namedChild(0)?.text ?? '', '*', module);
      else if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          const name = spec?.childForFieldName('name')?.text;
          if (name) add(spec?.childForFieldName('alias')?.text ?? name, name, module);
        }
      }
    }
    return [module];
  }
  if (node.type === 'export_statement') {
    const module = stringContent(node.childForFieldName('source'));
    if (module === null) return null;
    const clause = node.namedChildren.find((c) => c?.type === 'export_clause');
    if (!clause) add('*', '*', module, true);
    for (const spec of clause?.namedChildren ?? []) {
      const name = spec?.childForFieldName('name')?.text;
      if (name) add(spec?.childForFieldName('alias')?.text ?? name, name, module, true);
    }
    return [module];
  }
  if (node.type === 'lexical_declaration' || node.type === 'variable_declaration') {
    const modules: string[] = [];
    for (const decl of node.namedChildren) {
      const value = decl?.childForFieldName('value');
      if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') continue;
      const module = stringContent(value.childForFieldName('arguments')?.namedChild(0) ?? null);
      if (module === null) continue;
      modules.push(module);
      const target = decl?.childForFieldName('name');
      if (target?.type === 'identifier') add(target.text, '*', module);
      for (const prop of target?.type === 'object_pattern' ? target.namedChildren : []) {
        if (prop?.type === 'shorthand_property_identifier_pattern') add(prop.text, prop.text, module);
        else if (prop?.type === 'pair_pattern') {
          const key = prop.childForFieldName('key')?.text;
          const local = prop.childForFieldName('value')?.text;
          if (key && local) add(local, key, module);
        }
      }
    }
    return modules.length > 0 ? modules : null;
  }
  return null;
}

function readPython(node: Node, add: Add): string[] | null {
  if (node.type === 'import_statement') {
    const modules: string[] = [];
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const dotted = name.type === 'aliased_import' ? (name.childForFieldName('name')?.text ?? '') : name.text;
      const local = name.type === 'aliased_import' ? (name.childForFieldName('alias')?.text ?? dotted) : dotted;
      add(local, '*', dotted);
      modules.push(dotted);
    }
    return modules;
  }
  if (node.type === 'import_from_statement') {
    const module = node.childForFieldName('module_name')?.text ?? '';
    if (node.namedChildren.some((c) => c?.type === 'wildcard_import')) add('*', '*', module);
    for (const name of node.childrenForFieldName('name')) {
      if (!name) continue;
      const imported = name.type === 'aliased_import' ? (name.childForFieldName('name')?.text ?? '') : name.text;
      const local = name.type === 'aliased_import' ? (name.childForFieldName('alias')?.text ?? imported) : imported;
      add(local, imported, module);
    }
    return [module];
  }
  return null;
}

function readGo(node: Node, add: Add): string[] {
  const modules: string[] = [];
  for (const spec of node.descendantsOfType('import_spec')) {
    const path = stringContent(spec?.childForFieldName('path') ?? null);
    if (!spec || path === null) continue;
    modules.push(path);
    const alias = spec.childForFieldName('name')?.text;
    if (alias === '_' || alias === '.') continue;
    // The package name is the last path element, skipping a major-version suffix (`/v2`).
    const parts = path.split('/');
    const last =
      parts.length > 1 && /^v\d+$/.test(parts[parts.length - 1] ?? '') ? parts[parts.length - 2] : parts.at(-1);
    add(alias ?? (last ?? path).replace(/[^\w].*$/, ''), '*', path);
  }
  return modules;
}

function readJava(node: Node, add: Add): string[] {
  const target = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
  if (!target) return [];
  const path = target.text;
  if (node.namedChildren.some((c) => c?.type === 'asterisk')) return [path];
  const cut = path.lastIndexOf('.');
  const name = path.slice(cut + 1);
  // `import a.b.C` binds the class C (module a.b.C); `import static a.b.C.m` binds m from a.b.C.
  const isStatic = /^import\s+static\b/.test(node.text);
  add(name, name, isStatic ? path.slice(0, cut) : path);
  return [isStatic ? path.slice(0, cut) : path];
}

function readRuby(node: Node): string[] | null {
  if (node.type !== 'call') return null;
  const method = node.childForFieldName('method')?.text;
  if (method !== 'require' && method !== 'require_relative' && method !== 'load') return null;
  const arg = stringContent(node.childForFieldName('arguments')?.namedChild(0) ?? null);
  if (arg === null) return [];
  return [method === 'require_relative' && !arg.startsWith('.') ? `./${arg}` : arg];
}

function readRust(node: Node, add: Add): string[] {
  const modules: string[] = [];
  const walk = (n: Node | null, prefix: string): void => {
    if (!n) return;
    const join = (a: string, b: string): string => (a === '' ? b : `${a}::${b}`);
    switch (n.type) {
      case 'identifier':
      case 'self':
      case 'crate':
      case 'super':
        // `use foo;` binds a crate or module; `use a::{self}` binds `a` itself.
        if (prefix === '') add(n.text, '*', n.text);
        else
          add(n.type === 'self' ? (prefix.split('::').at(-1) ?? '') : n.text, n.type === 'self' ? '*' : n.text, prefix);
        modules.push(prefix === '' ? n.text : prefix);
        return;
      case 'scoped_identifier': {
        const path = n.childForFieldName('path')?.text ?? '';
        const name = n.childForFieldName('name')?.text ?? '';
        add(name, name, join(prefix, path));
        modules.push(join(prefix, path));
        return;
      }
      case 'use_as_clause': {
        const path = n.childForFieldName('path');
        const alias = n.childForFieldName('alias')?.text ?? '';
        const full = join(prefix, path?.text ?? '');
        const cut = full.lastIndexOf('::');
        add(alias, full.slice(cut < 0 ? 0 : cut + 2), cut < 0 ? '' : full.slice(0, cut));
        modules.push(cut < 0 ? full : full.slice(0, cut));
        return;
      }
      case 'scoped_use_list': {
        const path = join(prefix, n.childForFieldName('path')?.text ?? '');
        for (const item of n.childForFieldName('list')?.namedChildren ?? []) walk(item, path);
        return;
      }
      case 'use_list':
        for (const item of n.namedChildren) walk(item, prefix);
        return;
      case 'use_wildcard':
        add('*', '*', join(prefix, n.namedChild(0)?.text ?? ''));
        modules.push(join(prefix, n.namedChild(0)?.text ?? ''));
        return;
    }
  };
  walk(node.childForFieldName('argument'), '');
  return modules;
}

function readCsharp(node: Node): string[] {
  const target = node.namedChildren.filter((c) => c?.type === 'qualified_name' || c?.type === 'identifier').at(-1);
  return target ? [target.text] : [];
}

function readPhp(node: Node, add: Add): string[] | null {
  if (node.type === 'namespace_use_declaration') {
    const modules: string[] = [];
    for (const clause of node.descendantsOfType('namespace_use_clause')) {
      const target = clause?.namedChildren.find((c) => c?.type === 'qualified_name' || c?.type === 'name');
      if (!clause || !target) continue;
      const path = target.text.replace(/^\\/, '');
      const name = path.slice(path.lastIndexOf('\\') + 1);
      add(clause.childForFieldName('alias')?.text ?? name, name, path);
      modules.push(path);
    }
    return modules;
  }
  if (node.type === 'expression_statement') {
    const expr = node.firstNamedChild;
    if (!expr || !/^(require|include)(_once)?_expression$/.test(expr.type)) return null;
    const path = stringContent(expr.firstNamedChild);
    return path === null ? [] : [path];
  }
  return null;
}

function readInclude(node: Node): string[] {
  const path = node.childForFieldName('path');
  const content = stringContent(path);
  return content === null ? [] : [path?.type === 'system_lib_string' ? `<${content}>` : content];
}
