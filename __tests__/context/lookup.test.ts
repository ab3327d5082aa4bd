import { describe, expect, test } from '@jest/globals';
import { selectContext } from '../../src/context/select.js';
import { snapshotFromMaps } from '../../src/context/snapshot.js';
import type { ContextSelection } from '../../src/context/types.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import { gitRepo, lineOf, shows, type FixtureRepo } from './support.js';

/** Cross-file lookups, one small repository per way a definition or a call site is found. */

async function select(repo: FixtureRepo): Promise<ContextSelection> {
  return selectContext({
    files: repo.diff,
    snapshot: snapshotFromMaps(repo.head, repo.base),
    budget: 10_000,
    estimate: estimateTokens,
  });
}

function piece(sel: ContextSelection, path: string) {
  return sel.pieces.find((p) => p.path === path);
}

describe('definitions in other files', () => {
  test('TypeScript: through a barrel file that re-exports the helper', async () => {
    const repo = gitRepo(
      {
        'src/lib/index.ts': "export { convert } from './convert';\nexport * from './format';\n",
        'src/lib/convert.ts':
          'export function convert(amount: number, rate: number): number {\n  return amount * rate;\n}\n',
        'src/lib/format.ts': 'export function show(n: number): string {\n  return n.toFixed(2);\n}\n',
        'src/app.ts':
          "import { convert, show } from './lib/index.js';\n\nexport function price(a: number, r: number): string {\n  return show(convert(a, r));\n}\n",
      },
      {
        'src/app.ts':
          "import { convert, show } from './lib/index.js';\n\nexport function price(a: number, r: number): string {\n  return show(convert(r, a));\n}\n",
      },
    );
    const sel = await select(repo);
    expect(piece(sel, 'src/lib/convert.ts')?.reason).toBe(
      "function convert, called on src/app.ts:4, imported from './lib/index.js'",
    );
    expect(shows(sel.pieces, 'src/lib/format.ts', 1)).toBe(true); // `export *` followed too
  });

  test('Go: a function of the same package in another file, found by name', async () => {
    const util =
      'package calc\n\n// scale multiplies v by factor.\nfunc scale(factor float64, v float64) float64 {\n\treturn factor * v\n}\n';
    const calc = (args: string) => `package calc\n\nfunc Double(v float64) float64 {\n\treturn scale(${args})\n}\n`;
    const repo = gitRepo({ 'calc/util.go': util, 'calc/calc.go': calc('2, v') }, { 'calc/calc.go': calc('v, 2') });
    const sel = await select(repo);
    expect(shows(sel.pieces, 'calc/util.go', lineOf(util, 'func scale('))).toBe(true);
    expect(shows(sel.pieces, 'calc/util.go', lineOf(util, '// scale multiplies'))).toBe(true); // its doc comment
    expect(piece(sel, 'calc/util.go')?.reason).toMatch(/^function scale, called on calc\/calc.go:4, found by name$/);
  });

  test('Python: a function reached through an imported module (`util.parse_amount`)', async () => {
    const util = 'def parse_amount(text, default):\n    return float(text or default)\n';
    const main = (call: string) => `from app import util\n\n\ndef total(raw):\n    return ${call}\n`;
    const repo = gitRepo(
      { 'app/__init__.py': '', 'app/util.py': util, 'app/main.py': main('util.parse_amount(raw, 0)') },
      { 'app/main.py': main('util.parse_amount(0, raw)') },
    );
    const sel = await select(repo);
    expect(piece(sel, 'app/util.py')?.reason).toMatch(
      /^function parse_amount, called on app\/main.py:5, imported from 'app'$/,
    );
  });

  test('Java: a static method of an imported class', async () => {
    const rounding =
      'package com.shop.money;\n\npublic final class Rounding {\n    public static double roundTo(double value, int places) {\n        return Math.round(value * Math.pow(10, places)) / Math.pow(10, places);\n    }\n}\n';
    const cart = (args: string) =>
      `package com.shop.cart;\n\nimport com.shop.money.Rounding;\n\nclass Cart {\n    double total(double v) {\n        return Rounding.roundTo(${args});\n    }\n}\n`;
    const repo = gitRepo(
      { 'src/main/java/com/shop/money/Rounding.java': rounding, 'src/main/java/com/shop/cart/Cart.java': cart('v, 2') },
      { 'src/main/java/com/shop/cart/Cart.java': cart('2, (int) v') },
    );
    const sel = await select(repo);
    const p = piece(sel, 'src/main/java/com/shop/money/Rounding.java');
    expect(p?.reason).toMatch(
      /^method Rounding.roundTo, called on .*Cart.java:7, imported from 'com.shop.money.Rounding'$/,
    );
    expect(shows(sel.pieces, 'src/main/java/com/shop/money/Rounding.java', 4)).toBe(true);
  });

  test('Rust: a `use crate::…` import resolves to src/<module>.rs', async () => {
    const money =
      'pub fn round_to(value: f64, places: u32) -> f64 {\n    let f = 10f64.powi(places as i32);\n    (value * f).round() / f\n}\n';
    const lib = (args: string) =>
      `use crate::money::round_to;\n\npub fn total(v: f64) -> f64 {\n    round_to(${args})\n}\n`;
    const repo = gitRepo({ 'src/money.rs': money, 'src/lib.rs': lib('v, 2') }, { 'src/lib.rs': lib('2.0, v as u32') });
    const sel = await select(repo);
    expect(piece(sel, 'src/money.rs')?.reason).toMatch(/imported from 'crate::money'$/);
  });

  test('C: a function of another file, found by name, with the header that declares it', async () => {
    const header = '#ifndef MONEY_H\n#define MONEY_H\ndouble round_to(double v, int places);\n#endif\n';
    const impl =
      '#include "money.h"\n#include <math.h>\n\ndouble round_to(double v, int places)\n{\n    double f = pow(10, places);\n    return round(v * f) / f;\n}\n';
    const cart = (args: string) =>
      `#include "money.h"\n\ndouble total(double v)\n{\n    return round_to(${args});\n}\n`;
    const repo = gitRepo(
      { 'src/money.h': header, 'src/money.c': impl, 'src/cart.c': cart('v, 2') },
      { 'src/cart.c': cart('2, v') },
    );
    const sel = await select(repo);
    expect(shows(sel.pieces, 'src/money.c', 4)).toBe(true);
    expect(shows(sel.pieces, 'src/money.h', 3)).toBe(true);
  });
});

describe('languages without a grammar', () => {
  test('Kotlin: scope by indentation, the callee found by keyword, its caller by word', async () => {
    const util = 'package shop\n\nfun scale(factor: Double, v: Double): Double {\n    return factor * v\n}\n';
    const main = (args: string) =>
      `package shop\n\nfun double(v: Double): Double {\n    val two = 2.0\n    return scale(${args})\n}\n`;
    const other = 'package shop\n\nfun quadruple(v: Double): Double {\n    return double(double(v))\n}\n';
    const repo = gitRepo(
      { 'src/Util.kt': util, 'src/Main.kt': main('two, v'), 'src/Other.kt': other },
      { 'src/Main.kt': main('v, two') },
    );
    const sel = await select(repo);
    expect(piece(sel, 'src/Util.kt')?.reason).toBe('function scale, called on src/Main.kt:5, found by name');
    expect(piece(sel, 'src/Other.kt')?.reason).toBe('uses double in function quadruple, changed in src/Main.kt');
    expect(sel.stats.unparsed).toBeGreaterThan(0);
    expect(sel.stats.parsed).toBe(0);
  });
});

describe('call sites in unchanged files', () => {
  test('a removed function: its callers are shown, marked removed', async () => {
    const lib =
      'export function legacyTotal(xs: number[]): number {\n  return xs.length;\n}\n\nexport function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n';
    const user =
      "import { legacyTotal } from './lib';\n\nexport function summary(xs: number[]): string {\n  return `n=${legacyTotal(xs)}`;\n}\n";
    const repo = gitRepo(
      { 'src/lib.ts': lib, 'src/user.ts': user },
      { 'src/lib.ts': 'export function total(xs: number[]): number {\n  return xs.reduce((a, b) => a + b, 0);\n}\n' },
    );
    const sel = await select(repo);
    expect(piece(sel, 'src/user.ts')?.reason).toBe('uses legacyTotal in function summary, removed in src/lib.ts');
    expect(shows(sel.pieces, 'src/user.ts', 4)).toBe(true);
  });

  test('a file that imports another symbol of the same name is no call site', async () => {
    const a = (body: string) => `export function parse(text: string): number {\n  ${body}\n}\n`;
    const repo = gitRepo(
      {
        'src/a.ts': a('return Number(text);'),
        'src/b.ts': 'export function parse(text: string): string[] {\n  return text.split(",");\n}\n',
        'src/uses-a.ts': "import { parse } from './a';\n\nexport const n = parse('1');\n",
        'src/uses-b.ts': "import { parse } from './b';\n\nexport const parts = parse('1,2');\n",
      },
      { 'src/a.ts': a('return Number.parseFloat(text);') },
    );
    const sel = await select(repo);
    expect(piece(sel, 'src/uses-a.ts')?.kind).toBe('reference');
    expect(piece(sel, 'src/uses-b.ts')).toBeUndefined();
  });

  test('a deleted file: the callers of what it defined', async () => {
    const helper = 'def slugify(text):\n    return text.lower().replace(" ", "-")\n';
    const view = 'from app.text import slugify\n\n\ndef url(title):\n    return "/" + slugify(title)\n';
    const repo = gitRepo(
      { 'app/__init__.py': '', 'app/text.py': helper, 'app/view.py': view },
      { 'app/text.py': null },
    );
    const sel = await select(repo);
    expect(piece(sel, 'app/view.py')?.reason).toBe('uses slugify in function url, removed in app/text.py');
  });
});
