import { describe, expect, test } from '@jest/globals';
import { cutBlock, enclosingScopes } from '../../src/context/scopes.js';
import { lineOf } from './support.js';

const TS = `import { api } from './api';

export const handlers = {
  ping: () => 'pong',
};

/** Loads the orders of a user. */
export async function loadOrders(userId: string): Promise<string[]> {
  const limit = 50;
  const rows = await api.get(userId);
  return rows.map((row) => {
    const id = row.id;
    return \`\${id}:\${limit}\`;
  });
}

export class Cache {
  private ttl = 60;

  get(key: string): string | undefined {
    return undefined;
  }
}

loadOrders('me').then(console.log);
`;

describe('enclosing scopes (TypeScript)', () => {
  test('a line in a callback belongs to the named function around it, doc comment included', async () => {
    const [scope] = await enclosingScopes(TS, 'typescript', [lineOf(TS, 'const id = row.id;')]);
    expect(scope).toMatchObject({
      kind: 'function',
      name: 'loadOrders',
      startLine: lineOf(TS, '/** Loads'),
      endLine: lineOf(TS, '  });') + 1,
    });
  });

  test('lines of one scope give one scope; other kinds of top level', async () => {
    const lines = [
      lineOf(TS, 'const limit'),
      lineOf(TS, 'const rows'),
      lineOf(TS, 'private ttl'),
      lineOf(TS, 'ping: () =>'),
      lineOf(TS, "loadOrders('me')"),
    ];
    const scopes = await enclosingScopes(TS, 'typescript', lines);
    expect(scopes.map((s) => [s.kind, s.name, s.lines.length])).toEqual([
      ['constant', 'handlers', 1],
      ['function', 'loadOrders', 2],
      ['field', 'ttl', 1],
      ['statement', '', 1],
    ]);
  });

  test('the class header line gives the class', async () => {
    const [scope] = await enclosingScopes(TS, 'typescript', [lineOf(TS, 'export class Cache')]);
    expect(scope).toMatchObject({ kind: 'class', name: 'Cache' });
  });
});

describe('cut scopes', () => {
  const body = Array.from({ length: 150 }, (_, i) => `    total += step(${i})`);
  const PY = [
    'def run(items):',
    '    """Runs every step."""',
    '    total = 0',
    '    factor = 3',
    ...body,
    '    return total * factor',
    '',
  ].join('\n');

  test('header, the lines around the change, the variables it reads, and the end', async () => {
    const change = lineOf(PY, 'return total * factor');
    const [scope] = await enclosingScopes(PY, 'python', [change], { maxLines: 40, radius: 2, keepNames: ['factor'] });
    // Two lines between the header and `factor = 3` are shown rather than elided: a marker costs as much.
    expect(scope!.kept).toEqual([
      [1, 4],
      [change - 2, change],
    ]);
    expect(scope!.text.split('\n')).toEqual([
      'def run(items):',
      '    """Runs every step."""',
      '    total = 0',
      '    factor = 3',
      '… 148 lines elided …',
      '    total += step(148)',
      '    total += step(149)',
      '    return total * factor',
    ]);
  });

  test('without names to keep, only the header, the change and the end', async () => {
    const change = lineOf(PY, 'step(75)');
    const [scope] = await enclosingScopes(PY, 'python', [change], { maxLines: 40, radius: 1 });
    expect(scope!.kept).toEqual([
      [1, 1],
      [change - 1, change + 1],
      [scope!.endLine, scope!.endLine],
    ]);
  });

  test('cutBlock joins ranges closer than three lines', () => {
    expect(cutBlock(1, 100, 2, [10, 14], [], { maxLines: 20, radius: 1 })).toEqual([
      [1, 2],
      [9, 15],
      [100, 100],
    ]);
    expect(cutBlock(1, 10, 1, [5], [], { maxLines: 20 })).toEqual([[1, 10]]);
  });
});
