import { describe, expect, test } from '@jest/globals';
import { fallbackDefinitions, fallbackReferences, fallbackScope, fallbackUsages } from '../../src/context/fallback.js';
import { enclosingScopes } from '../../src/context/scopes.js';
import { findReferences, outline } from '../../src/context/symbols.js';
import { lineOf } from './support.js';

/** Languages without a grammar here, read by indentation and keywords. */

const LUA = `local M = {}

-- Adds the tax.
function M.total(items)
  local sum = 0
  for _, item in ipairs(items) do
    sum = sum + item.price
  end
  return sum * 1.2
end

function M.count(items)
  return #items
end

return M
`;

const KOTLIN = `package shop

const val TAX = 0.2

fun total(items: List<Item>): Double {
    var sum = 0.0
    for (item in items) {
        sum += item.price
    }
    return sum * (1 + TAX)
}

class Cart(private val items: List<Item>) {
    fun size(): Int {
        return items.size
    }
}
`;

describe('indentation scopes', () => {
  test('Lua: the `function … end` block around a line', async () => {
    const line = lineOf(LUA, 'sum = sum + item.price');
    const [scope] = await enclosingScopes(LUA, null, [line]);
    expect(scope).toMatchObject({
      startLine: lineOf(LUA, 'function M.total'),
      endLine: lineOf(LUA, 'return sum * 1.2') + 1,
      kind: 'function',
      name: 'total',
    });
  });

  test('Kotlin: braces; the innermost function-like header wins over the class', async () => {
    const line = lineOf(KOTLIN, 'return items.size');
    expect(fallbackScope(KOTLIN, line)).toEqual({
      startLine: line - 1,
      endLine: line + 1,
      kind: 'function',
      name: 'size',
    });
    const top = lineOf(KOTLIN, 'sum += item.price');
    expect(fallbackScope(KOTLIN, top)).toMatchObject({
      startLine: lineOf(KOTLIN, 'fun total'),
      endLine: lineOf(KOTLIN, 'return sum * (1 + TAX)') + 1,
    });
  });

  test('a multi-line header (`) {` on its own line) does not end the block', () => {
    const src = 'function f(\n  a,\n  b,\n) {\n  return a + b;\n}\n\nf(1, 2);\n';
    expect(fallbackScope(src, 5)).toMatchObject({ startLine: 1, endLine: 6, name: 'f' });
  });

  test('a top-level line outside any block: its paragraph', () => {
    const src = 'x = 1\ny = 2\n\nprint(x)\n';
    expect(fallbackScope(src, 2)).toEqual({ startLine: 1, endLine: 2, kind: 'statement', name: '' });
  });

  test('a long block is cut around the line, with a marker', async () => {
    const body = Array.from({ length: 120 }, (_, i) => `  step(${i})`).join('\n');
    const src = `def run():\n  limit = 3\n${body}\n  done(limit)\n`;
    const [scope] = await enclosingScopes(src, null, [lineOf(src, 'done(limit)')], { maxLines: 40, radius: 2 });
    expect(scope!.kept[0]).toEqual([1, 1]);
    expect(scope!.text).toMatch(/… \d+ lines elided …/);
  });
});

describe('keywords and words', () => {
  test('definitions by keyword, with their blocks', async () => {
    const { definitions } = await outline(KOTLIN, null);
    expect(definitions.map((d) => [d.kind, d.name, d.startLine, d.endLine])).toEqual([
      ['constant', 'TAX', 3, 3],
      ['function', 'total', 5, 11],
      ['class', 'Cart', 13, 17],
      ['function', 'size', 14, 16],
    ]);
    expect(fallbackDefinitions('  let local = 1\n')).toEqual([]); // an indented `let` is a local
  });

  test('usages: calls, receivers, assignments; keywords left out', () => {
    const uses = fallbackUsages('  sum = helper.scale(sum, 2) + count(x)\n', [1]);
    expect(uses.map((u) => [u.name, u.call, u.receiver, u.declared])).toEqual([
      ['sum', false, null, true],
      ['helper', false, null, false],
      ['scale', true, 'helper', false],
      ['sum', false, null, false],
      ['count', true, null, false],
      ['x', false, null, false],
    ]);
  });

  test('references: whole words, not the defining line', async () => {
    expect(fallbackReferences(KOTLIN, 'TAX')).toEqual([lineOf(KOTLIN, 'return sum * (1 + TAX)')]);
    expect(await findReferences(KOTLIN, null, 'total')).toEqual([]);
    expect(fallbackReferences('totals = 1\ntotal(2)\n', 'total')).toEqual([2]);
  });
});
