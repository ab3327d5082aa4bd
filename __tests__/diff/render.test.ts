import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/parse.js';
import { PROMPT_FORMAT_NOTE, renderFileForPrompt } from '../../src/diff/render.js';
import type { DiffFile } from '../../src/diff/types.js';
import { diffOf } from './git-repo.js';

const nums = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('renderFileForPrompt', () => {
  test('new numbers for added and context lines, L-prefixed old numbers for deleted lines', () => {
    const text = diffOf(
      (r) => r.write('src/old.ts', nums(12)),
      (r) => {
        r.remove('src/old.ts');
        r.write('src/new.ts', nums(12).replace('line 9\n', 'nine\n').replace('line 11\n', 'line 11\nadded\n'));
      },
    );
    const file = parseDiff(text)[0] as DiffFile;
    expect(renderFileForPrompt(file)).toBe(
      [
        '## src/new.ts (renamed from src/old.ts) [+2 -1]',
        '@@ line 5',
        '  6   line 6',
        '  7   line 7',
        '  8   line 8',
        'L 9 - line 9',
        '  9 + nine',
        ' 10   line 10',
        ' 11   line 11',
        ' 12 + added',
        ' 13   line 12',
      ].join('\n'),
    );
  });

  test('notes binary, status, mode and missing final newline', () => {
    const text = diffOf(
      (r) => r.write('a.sh', 'x'),
      (r) => {
        r.write('a.sh', 'y');
        r.makeExecutable('a.sh');
        r.write('logo.png', Buffer.from([0, 1, 2]));
      },
    );
    const [sh, png] = parseDiff(text) as [DiffFile, DiffFile];
    expect(renderFileForPrompt(sh)).toBe(
      [
        '## a.sh (mode 100644 → 100755) [+1 -1]',
        '@@',
        'L1 - x',
        '\\ no newline at end of file',
        ' 1 + y',
        '\\ no newline at end of file',
      ].join('\n'),
    );
    expect(renderFileForPrompt(png)).toBe('## logo.png (added, binary) [+0 -0]');
  });

  test('the format note explains sides and the L prefix', () => {
    expect(PROMPT_FORMAT_NOTE).toMatch(/RIGHT/);
    expect(PROMPT_FORMAT_NOTE).toMatch(/LEFT/);
    expect(PROMPT_FORMAT_NOTE).toMatch(/`L`/);
  });
});
