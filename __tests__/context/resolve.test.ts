import { expect, test } from '@jest/globals';
import type { LanguageId } from '../../src/context/languages.js';
import { indexPaths, joinPath, resolveModule } from '../../src/context/resolve.js';

const index = indexPaths([
  'src/lib/money.ts',
  'src/lib/index.ts',
  'src/ui/button.tsx',
  'src/util/index.js',
  'app/__init__.py',
  'app/money.py',
  'app/handlers/__init__.py',
  'app/handlers/profile.py',
  'pkg/money/money.go',
  'pkg/money/money_test.go',
  'pkg/money/round.go',
  'src/main/java/com/shop/money/Rounding.java',
  'lib/billing/invoice.rb',
  'src/money.rs',
  'src/store/mod.rs',
  'src/Money/Formatter.php',
  'include/money.h',
  'src/cart.c',
  'src/cart.h',
]);

const CASES: [what: string, from: string, module: string, language: LanguageId, expected: string[]][] = [
  [
    'TS relative, with the .js of ESM imports',
    'src/ui/button.tsx',
    './../lib/money.js',
    'typescript',
    ['src/lib/money.ts'],
  ],
  ['TS directory import → index', 'src/ui/button.tsx', '../lib', 'tsx', ['src/lib/index.ts']],
  ['JS index.js', 'src/app.js', './util', 'javascript', ['src/util/index.js']],
  ['TS path alias by suffix', 'src/app.ts', '@/lib/money', 'typescript', ['src/lib/money.ts']],
  ['TS bare package: not in the snapshot', 'src/app.ts', 'react', 'typescript', []],
  ['Python relative', 'app/handlers/profile.py', '..money', 'python', ['app/money.py']],
  ['Python absolute', 'app/handlers/profile.py', 'app.money', 'python', ['app/money.py']],
  [
    'Go package dir, tests left out',
    'cmd/main.go',
    'example.com/shop/pkg/money',
    'go',
    ['pkg/money/money.go', 'pkg/money/round.go'],
  ],
  [
    'Java',
    'src/main/java/com/shop/cart/Cart.java',
    'com.shop.money.Rounding',
    'java',
    ['src/main/java/com/shop/money/Rounding.java'],
  ],
  ['Ruby require by suffix', 'lib/app.rb', 'billing/invoice', 'ruby', ['lib/billing/invoice.rb']],
  ['Ruby require_relative', 'lib/app.rb', './billing/invoice', 'ruby', ['lib/billing/invoice.rb']],
  ['Rust crate path', 'src/lib.rs', 'crate::money', 'rust', ['src/money.rs']],
  ['Rust mod.rs', 'src/lib.rs', 'crate::store', 'rust', ['src/store/mod.rs']],
  ['PHP namespace, PSR-4 style', 'src/Cart.php', 'App\\Money\\Formatter', 'php', ['src/Money/Formatter.php']],
  ['C local include', 'src/cart.c', 'cart.h', 'c', ['src/cart.h']],
  ['C include by suffix', 'src/cart.c', 'money.h', 'c', ['include/money.h']],
  ['C system include', 'src/cart.c', '<stdio.h>', 'c', []],
  ['C# namespaces name no file', 'src/A.cs', 'Shop.Money', 'csharp', []],
];

test.each(CASES)('%s', (_what, from, module, language, expected) => {
  expect(resolveModule(from, module, language, index)).toEqual(expected);
});

test('Python `from pkg import mod` prefers the submodule', () => {
  expect(resolveModule('app/handlers/profile.py', 'app', 'python', index, 'money')).toEqual([
    'app/money.py',
    'app/__init__.py',
  ]);
  expect(resolveModule('app/handlers/profile.py', '.', 'python', index, 'profile')).toEqual([
    'app/handlers/profile.py',
    'app/handlers/__init__.py',
  ]);
});

test('joinPath normalises and refuses to climb above the root', () => {
  expect(joinPath('a/b', '../c/./d')).toBe('a/c/d');
  expect(joinPath('', '../x')).toBeNull();
});
