import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { createTarReader, decodeText, parsePax, readTarGzTexts, type TarEntry } from '../../src/forge/untar.js';
import { makeRepo, type TempRepo } from '../diff/git-repo.js';
import { tarGz } from '../fakes/github-snapshot-routes.js';

// The tar reader against archives made by real tools (git archive, GNU tar) and by the fakes.

const PAX_PATH = `${'a-rather-long-folder-name/'.repeat(12)}file.ts`; // 310 bytes: only pax can hold it
const SPLIT_PATH = `${'folder/'.repeat(20)}name.ts`; // 147 bytes: ustar prefix + name
const UNICODE = 'docs/ünïcødé ✓ ß.md';

let repo: TempRepo | null = null;
let tmp: string | null = null;
afterEach(() => {
  repo?.cleanup();
  repo = null;
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = null;
});

/** A repository with every kind of member a snapshot may hold; returns its `git archive`. */
function gitArchive(format: 'tar' | 'tar.gz', prefix = 'proj/'): Buffer {
  repo = makeRepo();
  repo.write('src/a.ts', 'export const a = 1;\n');
  repo.write(PAX_PATH, 'pax\n');
  repo.write(SPLIT_PATH, 'split\n');
  repo.write(UNICODE, 'ü\n');
  repo.write('empty.txt', '');
  repo.write('img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  fs.symlinkSync('src/a.ts', path.join(repo.dir, 'link.ts'));
  repo.commit('all');
  return execFileSync('git', ['archive', `--format=${format}`, `--prefix=${prefix}`, 'HEAD'], {
    cwd: repo.dir,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Every member of a plain tar, feeding it `chunk` bytes at a time. */
function members(tar: Buffer, chunk = tar.length): Array<TarEntry & { text?: string }> {
  const out: Array<TarEntry & { text?: string }> = [];
  const reader = createTarReader({
    want: () => true,
    onEntry: (entry, data) => out.push(data ? { ...entry, text: data.toString('utf8') } : entry),
  });
  for (let at = 0; at < tar.length; at += chunk) reader.write(tar.subarray(at, at + chunk));
  reader.end();
  return out;
}

async function* chunksOf(data: Buffer, size: number, seen?: { chunks: number; closed: boolean }) {
  try {
    for (let at = 0; at < data.length; at += size) {
      if (seen) seen.chunks++;
      yield data.subarray(at, at + size);
    }
  } finally {
    if (seen) seen.closed = true;
  }
}

const all = { maxBytes: 1 << 30, maxFileBytes: 1 << 20, keep: () => true, topFolder: (e: TarEntry) => `${e.path}/` };

describe('createTarReader', () => {
  test('reads git archive output: pax paths, prefix splits, UTF-8 names, links, folders', () => {
    const entries = members(gitArchive('tar'));
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get(`proj/${PAX_PATH}`)).toMatchObject({ type: 'file', size: 4, text: 'pax\n' });
    expect(byPath.get(`proj/${SPLIT_PATH}`)).toMatchObject({ type: 'file', text: 'split\n' });
    expect(byPath.get(`proj/${UNICODE}`)).toMatchObject({ type: 'file', text: 'ü\n' });
    expect(byPath.get('proj/empty.txt')).toMatchObject({ type: 'file', size: 0 });
    expect(byPath.get('proj/link.ts')).toMatchObject({ type: 'symlink', size: 0 });
    expect(byPath.get('proj/src')).toMatchObject({ type: 'directory' });
    expect(entries[0]).toMatchObject({ path: 'proj', type: 'directory' });
    // git's pax global header is not a member, and no name is git's `<sha>.data` placeholder.
    expect(entries.some((e) => /pax_global_header|\.data$/.test(e.path))).toBe(false);
  });

  test('hands over the pax global header: git records the commit as `comment`', () => {
    const tar = gitArchive('tar');
    const head = repo!.git('rev-parse', 'HEAD').trim();
    let comment = '';
    const reader = createTarReader({
      want: () => false,
      onEntry: () => {},
      onGlobal: (r) => (comment = r.comment ?? ''),
    });
    reader.write(tar);
    reader.end();
    expect(comment).toBe(head);
  });

  test.each(['gnu', 'pax', 'ustar'])('reads GNU tar --format=%s', (format) => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'untar-'));
    const name = format === 'ustar' ? SPLIT_PATH : PAX_PATH;
    fs.mkdirSync(path.join(tmp, 'in', path.dirname(name)), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'in', name), 'long\n');
    const tar = execFileSync('tar', [`--format=${format}`, '-C', path.join(tmp, 'in'), '-cf', '-', '.']);
    const file = members(tar).find((e) => e.type === 'file');
    expect(file).toMatchObject({ path: `./${name}`, size: 5, text: 'long\n' });
  });

  test('any chunking gives the same members (property)', () => {
    const tar = gunzipSync(
      tarGz({ 'a.ts': 'x'.repeat(700), [PAX_PATH]: 'p', 'b/c.ts': '' }, { folder: 'r/', comment: 'c' }),
    );
    const whole = members(tar);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (size) => expect(members(tar, size)).toEqual(whole)),
      {
        numRuns: 40,
      },
    );
  });

  test("the fakes' tarballs use the ustar prefix where a path splits, a pax record where it does not", () => {
    const long = `docs/${'n'.repeat(120)}.ts`;
    const tar = gunzipSync(tarGz({ [long]: 'pax', [SPLIT_PATH]: 'split' }, { folder: 'r/' }));
    expect(tar.includes(`path=r/${long}\n`)).toBe(true);
    expect(tar.includes(`path=r/${SPLIT_PATH}`)).toBe(false);
    expect(members(tar).filter((e) => e.type === 'file')).toEqual([
      { path: `r/${long}`, type: 'file', size: 3, text: 'pax' },
      { path: `r/${SPLIT_PATH}`, type: 'file', size: 5, text: 'split' },
    ]);
  });

  test('a damaged header is an error, and so is an archive cut in the middle of a member', () => {
    const tar = gunzipSync(tarGz({ 'a.ts': 'x'.repeat(700) }, { folder: 'r/' }));
    const damaged = Buffer.from(tar);
    damaged[512 + 10] = 0x41;
    expect(() => members(damaged)).toThrow(/bad header checksum at byte 512/);
    expect(() => members(tar.subarray(0, 1536))).toThrow(/ends in the middle of a member/);
  });

  test('reads a size in GNU base-256 form', () => {
    const tar = gunzipSync(tarGz({ 'a.ts': 'hello' }, { folder: '' }));
    const header = Buffer.from(tar);
    header.fill(0, 124, 136);
    header[124] = 0x80;
    header[135] = 5;
    header.fill(0x20, 148, 156);
    const sum = header.subarray(0, 512).reduce((n, b) => n + b, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
    expect(members(header)).toEqual([{ path: 'a.ts', type: 'file', size: 5, text: 'hello' }]);
  });
});

describe('readTarGzTexts', () => {
  test('the texts of a git archive by repository path: folder stripped, binaries and links left out', async () => {
    const texts = await readTarGzTexts(chunksOf(gitArchive('tar.gz'), 1000), all);
    expect(new Map([...(texts ?? [])].sort())).toEqual(
      new Map(
        [
          ['src/a.ts', 'export const a = 1;\n'],
          [PAX_PATH, 'pax\n'],
          [SPLIT_PATH, 'split\n'],
          [UNICODE, 'ü\n'],
          ['empty.txt', ''],
        ].sort() as Array<[string, string]>,
      ),
    );
  });

  test('keep and the per-file cap decide what is read', async () => {
    const source = tarGz({ 'a.ts': 'aaaa', 'b.ts': 'bbbbbbbbbb', 'c.md': 'c' }, { folder: 'r/' });
    const texts = await readTarGzTexts(chunksOf(source, 64), {
      ...all,
      maxFileBytes: 5,
      keep: (p) => p.endsWith('.ts'),
    });
    expect([...(texts ?? [])]).toEqual([['a.ts', 'aaaa']]);
  });

  test('past maxBytes (uncompressed) it stops reading the source and answers null', async () => {
    // Random text compresses about 2:1, so the bound is hit early in the compressed stream.
    const files = Object.fromEntries(
      Array.from({ length: 100 }, (_, i) => [`f${i}.ts`, randomBytes(2500).toString('hex')]),
    );
    const source = tarGz(files, { folder: 'r/' });
    const seen = { chunks: 0, closed: false };
    expect(await readTarGzTexts(chunksOf(source, 256, seen), { ...all, maxBytes: 50_000 })).toBeNull();
    expect(seen.closed).toBe(true);
    expect(seen.chunks).toBeLessThan(source.length / 256 / 4);
  });

  test('a broken gzip stream is an error', async () => {
    const source = gzipSync(Buffer.alloc(2048));
    await expect(readTarGzTexts(chunksOf(source.subarray(0, 10), 5), all)).rejects.toThrow(/unexpected end of file/);
  });
});

describe('decodeText and parsePax', () => {
  test('a NUL byte among the first 8,000 bytes makes a file binary, one later does not', () => {
    expect(decodeText(Buffer.from('a\0b'))).toBeNull();
    expect(decodeText(Buffer.concat([Buffer.from('x'.repeat(8000)), Buffer.from([0])]))).toHaveLength(8001);
    expect(decodeText(Buffer.from('ünï ✓'))).toBe('ünï ✓');
  });

  test('pax record lengths count bytes, not characters', () => {
    const record = (key: string, value: string) => {
      const rest = ` ${key}=${value}\n`;
      const length = Buffer.byteLength(rest) + String(Buffer.byteLength(rest) + 2).length;
      return `${length}${rest}`;
    };
    const data = Buffer.from(record('path', 'ü/✓.ts') + record('comment', 'abc'), 'utf8');
    expect(parsePax(data)).toEqual({ path: 'ü/✓.ts', comment: 'abc' });
  });
});
