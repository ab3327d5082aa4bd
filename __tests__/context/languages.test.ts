import { describe, expect, test } from '@jest/globals';
import { languageForPath, type LanguageId } from '../../src/context/languages.js';
import { enclosingScopes } from '../../src/context/scopes.js';
import { findReferences, identifiersUsed, outline } from '../../src/context/symbols.js';
import { grammarFailures } from '../../src/context/parser.js';
import { exactLineOf, fixture, lineOf } from './support.js';

/**
 * One fixture per language, each written for these tests: imports, a module constant, a helper
 * that uses it, a type with a method whose loop calls the helper. Every case names the lines
 * by their text, so a fixture edit moves the expectation with it.
 */
type Case = {
  file: string;
  language: LanguageId;
  /** The loop line that calls the helper, and the scope around it. */
  useLine: string;
  /** `end` is the whole text of the scope's last line, looked for from the loop line on. */
  scope: { kind: string; name: string; start: string; startFrom?: string; end: string };
  helper: string;
  helperDef: string;
  constant: string;
  constantDef: string;
  constantUse: string;
  /** Definitions expected as `kind name` (or `kind Container.name`). */
  defs: string[];
  /** Import bindings expected as `local<-imported@module`. */
  imports: string[];
  modules?: string[];
};

const CASES: Case[] = [
  {
    file: 'sample.ts.txt',
    language: 'typescript',
    useLine: 'sum += lineTotal(l);',
    scope: { kind: 'method', name: 'total', start: 'total(): number {', end: '  }' },
    helper: 'lineTotal',
    helperDef: 'export function lineTotal',
    constant: 'TAX_RATE',
    constantDef: 'const TAX_RATE',
    constantUse: 'round(gross * (1 + TAX_RATE), 2)',
    defs: [
      'constant TAX_RATE',
      'type Line',
      'interface Priced',
      'function lineTotal',
      'class Invoice',
      'field Invoice.lines',
      'method Invoice.add',
      'method Invoice.total',
      'function describe',
      'enum Status',
      'function fromCart',
    ],
    imports: ['formatPrice<-formatPrice@./money', 'round<-roundTo@./money', 'log<-*@./log', 'Cart<-default@./cart'],
  },
  {
    file: 'sample.tsx.txt',
    language: 'tsx',
    useLine: '<li key={p}>{formatPrice(p)}</li>',
    scope: { kind: 'function', name: 'PriceList', start: 'export function PriceList', end: '}' },
    helper: 'PriceList',
    helperDef: 'export function PriceList',
    constant: 'MAX_ITEMS',
    constantDef: 'const MAX_ITEMS',
    constantUse: 'prices.slice(0, MAX_ITEMS)',
    defs: ['constant MAX_ITEMS', 'type Props', 'function PriceList', 'function Total'],
    imports: ['React<-default@react', 'useState<-useState@react', 'formatPrice<-formatPrice@./money'],
  },
  {
    file: 'sample.js.txt',
    language: 'javascript',
    useLine: 'sum += lineTotal(l);',
    scope: { kind: 'method', name: 'total', start: 'total() {', end: '  }' },
    helper: 'lineTotal',
    helperDef: 'function lineTotal',
    constant: 'TAX_RATE',
    constantDef: 'const TAX_RATE',
    constantUse: '(1 + TAX_RATE)',
    defs: [
      'constant TAX_RATE',
      'function lineTotal',
      'class Invoice',
      'method Invoice.constructor',
      'method Invoice.total',
    ],
    imports: ['formatPrice<-formatPrice@./money', 'roundTo<-roundTo@./money', 'log<-*@./log'],
  },
  {
    file: 'sample.py',
    language: 'python',
    useLine: 's += line_total(l)',
    scope: { kind: 'method', name: 'total', start: '@property', end: '        return s' },
    helper: 'line_total',
    helperDef: 'def line_total',
    constant: 'TAX_RATE',
    constantDef: 'TAX_RATE = 0.2',
    constantUse: '(1 + TAX_RATE)',
    defs: [
      'constant TAX_RATE',
      'variable log',
      'function line_total',
      'class Invoice',
      'method Invoice.total',
      'method Invoice.describe',
      'function save',
    ],
    imports: ['format_price<-format_price@.money', 'rnd<-round_to@.money', 'logging<-*@logging', 'store<-*@app.store'],
  },
  {
    file: 'sample.go',
    language: 'go',
    useLine: 'sum += LineTotal(l)',
    scope: { kind: 'method', name: 'Total', start: 'func (inv *Invoice) Total()', end: '}' },
    helper: 'LineTotal',
    helperDef: 'func LineTotal',
    constant: 'TaxRate',
    constantDef: 'const TaxRate',
    constantUse: '(1+TaxRate)',
    defs: [
      'constant TaxRate',
      'type Line',
      'type Priced',
      'function LineTotal',
      'type Invoice',
      'method Invoice.Total',
      'function Describe',
    ],
    imports: ['fmt<-*@fmt', 'm<-*@example.com/shop/money'],
  },
  {
    file: 'Sample.java',
    language: 'java',
    useLine: 'sum += lineTotal(l);',
    scope: { kind: 'method', name: 'total', start: '@Override', end: '    }' },
    helper: 'lineTotal',
    helperDef: 'static double lineTotal',
    constant: 'TAX_RATE',
    constantDef: 'static final double TAX_RATE',
    constantUse: '(1 + TAX_RATE)',
    defs: [
      'class Invoice',
      'constant Invoice.TAX_RATE',
      'method Invoice.Invoice',
      'method Invoice.lineTotal',
      'method Invoice.total',
      'interface Priced',
      'method Priced.total',
      'class Line',
    ],
    imports: [
      'Money<-Money@com.shop.money.Money',
      'roundTo<-roundTo@com.shop.money.Rounding',
      'List<-List@java.util.List',
    ],
  },
  {
    file: 'sample.rb',
    language: 'ruby',
    useLine: 'sum += Invoice.line_total(l)',
    scope: { kind: 'method', name: 'total', start: 'def total', end: '    end' },
    helper: 'line_total',
    helperDef: 'def self.line_total',
    constant: 'TAX_RATE',
    constantDef: 'TAX_RATE = 0.2',
    constantUse: '(1 + TAX_RATE)',
    defs: [
      'constant TAX_RATE',
      'module Billing',
      'class Billing.Invoice',
      'method Invoice.line_total',
      'method Invoice.total',
    ],
    imports: [],
    modules: ['./money', 'logger'],
  },
  {
    file: 'sample.rs',
    language: 'rust',
    useLine: 'sum += line_total(l);',
    scope: { kind: 'method', name: 'total', start: 'fn total(&self) -> f64 {', end: '    }' },
    helper: 'line_total',
    helperDef: 'pub fn line_total',
    constant: 'TAX_RATE',
    constantDef: 'const TAX_RATE',
    constantUse: '(1.0 + TAX_RATE)',
    defs: [
      'constant TAX_RATE',
      'struct Line',
      'interface Priced',
      'function line_total',
      'impl Invoice',
      'method Invoice.total',
      'enum Status',
      'function counts',
    ],
    imports: [
      'format_price<-format_price@crate::money',
      'rnd<-round_to@crate::money',
      'HashMap<-HashMap@std::collections',
    ],
  },
  {
    file: 'Sample.cs',
    language: 'csharp',
    useLine: 'sum += LineTotal(l);',
    scope: { kind: 'method', name: 'Total', start: 'public double Total()', end: '        }' },
    helper: 'LineTotal',
    helperDef: 'public static double LineTotal',
    constant: 'TaxRate',
    constantDef: 'private const double TaxRate',
    constantUse: '(1 + TaxRate)',
    defs: [
      'module Shop.Billing',
      'class Shop.Billing.Invoice',
      'constant Invoice.TaxRate',
      'field Invoice.Count',
      'method Invoice.LineTotal',
      'method Invoice.Total',
      'interface Shop.Billing.IPriced',
    ],
    imports: [],
    modules: ['System', 'System.Collections.Generic', 'Shop.Money'],
  },
  {
    file: 'sample.php',
    language: 'php',
    useLine: '$sum += line_total($l);',
    scope: {
      kind: 'method',
      name: 'total',
      start: 'public function total(): float',
      startFrom: 'class Invoice',
      end: '    }',
    },
    helper: 'line_total',
    helperDef: 'function line_total',
    constant: 'TAX_RATE',
    constantDef: 'const TAX_RATE',
    constantUse: '(1 + TAX_RATE)',
    defs: [
      'constant TAX_RATE',
      'function line_total',
      'interface Priced',
      'class Invoice',
      'field Invoice.lines',
      'method Invoice.total',
    ],
    imports: ['Rounding<-Rounding@App\\Money\\Rounding', 'Fmt<-Formatter@App\\Money\\Formatter'],
  },
  {
    file: 'sample.c',
    language: 'c',
    useLine: 'sum += line_total(&lines[i]);',
    scope: { kind: 'function', name: 'invoice_total', start: 'double invoice_total', end: '}' },
    helper: 'line_total',
    helperDef: 'double line_total(',
    constant: 'MAX_LINES',
    constantDef: 'static const int MAX_LINES',
    constantUse: 'i < MAX_LINES',
    defs: [
      'constant TAX_RATE',
      'type line_t',
      'constant MAX_LINES',
      'function line_total',
      'function invoice_total',
      'function describe',
    ],
    imports: [],
    modules: ['<stdio.h>', 'money.h'],
  },
  {
    file: 'sample.cpp',
    language: 'cpp',
    useLine: 'sum += lineTotal(l);',
    scope: { kind: 'method', name: 'total', start: 'double Invoice::total() const {', end: '}' },
    helper: 'lineTotal',
    helperDef: 'static double lineTotal',
    constant: 'kTaxRate',
    constantDef: 'constexpr double kTaxRate',
    constantUse: '(1 + kTaxRate)',
    defs: [
      'module shop',
      'constant shop.kTaxRate',
      'struct shop.Line',
      'class shop.Invoice',
      'method Invoice.add',
      'function shop.lineTotal',
      'method Invoice.total',
    ],
    imports: [],
    modules: ['<vector>', 'money.hpp'],
  },
];

describe.each(CASES)('$language ($file)', (c) => {
  const source = fixture(`lang/${c.file}`);
  const use = lineOf(source, c.useLine);

  test('the path maps to the language', () => {
    expect(languageForPath(c.file.replace(/\.txt$/, ''))).toBe(c.language);
  });

  test('enclosing scope of the loop line', async () => {
    const [scope, ...rest] = await enclosingScopes(source, c.language, [use]);
    expect(rest).toEqual([]);
    const start = lineOf(source, c.scope.start, c.scope.startFrom ? lineOf(source, c.scope.startFrom) : 1);
    const end = exactLineOf(source, c.scope.end, use);
    expect(scope).toMatchObject({
      kind: c.scope.kind,
      name: c.scope.name,
      startLine: start,
      endLine: end,
      lines: [use],
    });
    expect(scope!.kept).toEqual([[start, end]]);
    expect(scope!.text.split('\n')).toHaveLength(end - start + 1);
  });

  test('definitions, with kinds and containers', async () => {
    const { definitions } = await outline(source, c.language);
    const listed = definitions.map((d) => `${d.kind} ${d.container ? `${d.container}.` : ''}${d.name}`);
    for (const d of c.defs) expect(listed).toContain(d);
    const helper = definitions.find((d) => d.name === c.helper);
    expect(helper?.startLine).toBe(lineOf(source, c.helperDef));
    expect(helper?.signature).toContain(c.helper);
  });

  test('imports', async () => {
    const { imports } = await outline(source, c.language);
    const listed = imports.bindings.map((b) => `${b.local}<-${b.imported}@${b.module}`);
    for (const i of c.imports) expect(listed).toContain(i);
    for (const m of c.modules ?? []) expect(imports.modules).toContain(m);
  });

  test('references: uses, not the definition', async () => {
    const constantRefs = await findReferences(source, c.language, c.constant);
    expect(constantRefs).toContain(lineOf(source, c.constantUse));
    expect(constantRefs).not.toContain(lineOf(source, c.constantDef));
    const helperRefs = await findReferences(source, c.language, c.helper);
    expect(helperRefs).not.toContain(lineOf(source, c.helperDef));
  });

  test('names used on the loop line: the helper is called', async () => {
    const uses = await identifiersUsed(source, c.language, [use]);
    const helper = uses.find((u) => u.name === c.helper || u.name === 'formatPrice');
    expect(helper).toMatchObject({ line: use, call: true, declared: false });
    expect(grammarFailures().size).toBe(0);
  });
});

test('C++ grammar parses C: a header prototype and struct', async () => {
  const { definitions } = await outline(fixture('lang/money.h'), 'c');
  expect(definitions.map((d) => `${d.kind} ${d.name}`)).toEqual(
    expect.arrayContaining(['function round_to', 'struct money', 'constant MONEY_H']),
  );
});
