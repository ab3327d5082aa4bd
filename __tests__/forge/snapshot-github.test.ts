import { afterEach, describe, expect, test } from '@jest/globals';
import { ForgeError } from '../../src/forge/forge-error.js';
import { createGitHubSnapshot, type GitHubSnapshotOptions } from '../../src/forge/github-snapshot.js';
import { createOctokit } from '../../src/forge/github.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubInit } from '../fakes/github-server.js';

// The GitHub snapshot reader against the fake: trees, GraphQL blob batches, tarballs via codeload.

const TOKEN = 'ghs_s3cr3tT0kenValue0123456789';
const HEAD = 'b'.repeat(40);
const BASE = 'a'.repeat(40);
// A 123-byte last component fits no ustar name field: only a pax `path` record can hold it.
const DEEP = `deep/${'n'.repeat(120)}.ts`;
const SPLIT = `${'dir/'.repeat(30)}x.ts`; // 124 bytes: fits prefix (≤155) + name (≤100)
const HEAD_FILES: Record<string, string> = {
  'src/a.ts': 'export const a = 1;\n',
  'src/b.ts': 'import { a } from "./a";\n',
  'docs/ünï côde.md': '# ✓\n',
  'img/logo.png': '\x89PNG\r\n\x1a\n\0\0\0IHDR',
  'empty.txt': '',
  [DEEP]: 'deep\n',
  [SPLIT]: 'split\n',
};
const FILES: Record<string, Record<string, string>> = {
  [HEAD]: HEAD_FILES,
  [BASE]: { 'src/a.ts': 'export const a = 0;\n' },
};

let fake: FakeGitHub;
afterEach(() => fake?.close());

async function setup(init: FakeGitHubInit = {}, options: Partial<GitHubSnapshotOptions> = {}) {
  fake = await startFakeGitHub({ token: TOKEN, files: FILES, ...init });
  const logged: string[] = [];
  const log = (m: string) => logged.push(m);
  const octokit = createOctokit(
    { token: TOKEN, apiUrl: fake.url, retry: { retries: 0, msPerSecond: 1, spaceWrites: false } },
    log,
  );
  const reader = createGitHubSnapshot({
    octokit,
    owner: 'octo',
    repo: 'repo',
    token: TOKEN,
    apiUrl: fake.url,
    log,
    ...options,
  });
  return { reader, logged };
}

const paths = () => fake.requests.map((r) => `${r.method} ${r.path}`);
const everything = () => true;

describe('listFiles (recursive tree)', () => {
  test('lists regular files with their sizes: no folders, no symbolic links', async () => {
    const { reader } = await setup({ snapshot: { symlinks: { 'link.ts': 'src/a.ts' } } });
    const { files, truncated } = await reader.listFiles(HEAD);
    expect(truncated).toBe(false);
    expect(files).toEqual(
      expect.arrayContaining([
        { path: 'src/a.ts', size: 20 },
        { path: 'docs/ünï côde.md', size: Buffer.byteLength('# ✓\n') },
        { path: 'empty.txt', size: 0 },
        { path: DEEP, size: 5 },
      ]),
    );
    expect(files.map((f) => f.path).sort()).toEqual(Object.keys(HEAD_FILES).sort());
    expect(fake.requests[0]?.query).toEqual({ recursive: '1' });
    expect(fake.violations).toEqual([]);
  });

  test('a tree GitHub cut short says truncated, with a log line', async () => {
    const { reader, logged } = await setup({ snapshot: { treeLimit: 3 } });
    const { files, truncated } = await reader.listFiles(HEAD);
    expect(truncated).toBe(true);
    expect(files.length).toBeLessThanOrEqual(3);
    expect(logged).toEqual([expect.stringMatching(/listed only part of bbbbbbb's tree/)]);
  });

  test('an unknown commit is a ForgeError that names the permission, without the token', async () => {
    const { reader } = await setup();
    const error = await reader.listFiles('c'.repeat(40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect(error).toMatchObject({ operation: 'listFiles', status: 404 });
    expect((error as Error).message).toMatch(/commit ccccccc of octo\/repo was not found.*contents: read/);
    expect((error as Error).message).not.toContain(TOKEN);
    expect(fake.violations).toEqual([]);
  });

  test('403 says to grant contents: read', async () => {
    const { reader } = await setup();
    fake.failNext('GET', /\/git\/trees\//, 403, { body: { message: 'Resource not accessible by integration' } });
    await expect(reader.listFiles(HEAD)).rejects.toThrow(/HTTP 403.*permissions: contents: read/);
  });
});

describe('readFiles (GraphQL object(expression) batches)', () => {
  test('texts in the order asked; binary, missing and folder paths are absent', async () => {
    const { reader } = await setup();
    const texts = await reader.readFiles(['src/b.ts', 'img/logo.png', 'nope.ts', 'src', 'src/a.ts', 'empty.txt'], HEAD);
    expect([...texts]).toEqual([
      ['src/b.ts', HEAD_FILES['src/b.ts']],
      ['src/a.ts', HEAD_FILES['src/a.ts']],
      ['empty.txt', ''],
    ]);
    expect(paths()).toEqual(['POST /graphql']);
    const query = String((fake.requests[0]?.body as { query: string }).query);
    expect(query.match(/object\(expression: \$e\d+\)/g)).toHaveLength(6);
  });

  test('batches of batchSize, a few at a time; the commit is part of each expression', async () => {
    const { reader } = await setup({}, { batchSize: 2, concurrency: 2 });
    const texts = await reader.readFiles(Object.keys(HEAD_FILES), BASE);
    expect([...texts]).toEqual([['src/a.ts', 'export const a = 0;\n']]);
    expect(paths()).toEqual(Array(4).fill('POST /graphql'));
    const variables = fake.requests.map((r) => (r.body as { variables: Record<string, string> }).variables);
    expect(variables[0]).toMatchObject({ owner: 'octo', name: 'repo', e0: `${BASE}:src/a.ts` });
  });

  test('after listFiles, paths known to be missing or too large are not asked for', async () => {
    const { reader } = await setup({}, { maxFileBytes: 10 });
    await reader.listFiles(HEAD);
    const texts = await reader.readFiles(['src/a.ts', 'nope.ts', DEEP, 'empty.txt'], HEAD);
    expect([...texts.keys()]).toEqual([DEEP, 'empty.txt']);
    const variables = (fake.requests[1]?.body as { variables: Record<string, string> }).variables;
    expect(Object.keys(variables)).toEqual(['owner', 'name', 'e0', 'e1']);
  });

  test('an unknown commit reads nothing, without an error', async () => {
    const { reader } = await setup();
    expect((await reader.readFiles(['src/a.ts'], 'c'.repeat(40))).size).toBe(0);
  });

  test('a repository GraphQL cannot resolve is a ForgeError', async () => {
    const { reader } = await setup({ owner: 'someone' });
    await expect(reader.readFiles(['src/a.ts'], HEAD)).rejects.toThrow(
      /readFiles at bbbbbbb failed \(GraphQL: Could not resolve.*contents: read/,
    );
  });
});

describe('readAll (tarball through codeload)', () => {
  test('follows the redirect, strips the top folder, reads pax and prefix-split paths, skips binaries', async () => {
    const { reader } = await setup({ snapshot: { symlinks: { 'link.ts': 'src/a.ts' } } });
    const texts = await reader.readAll!(HEAD, { maxBytes: 1 << 20, keep: everything });
    const expected = Object.entries(HEAD_FILES).filter(([p]) => p !== 'img/logo.png');
    expect(new Map([...(texts ?? new Map())].sort())).toEqual(new Map(expected.sort()));
    expect(paths()).toEqual([
      'GET /repos/octo/repo',
      `GET /repos/octo/repo/tarball/${HEAD}`,
      `GET /_codeload/octo/repo/legacy.tar.gz/${HEAD}`,
    ]);
    expect(fake.violations).toEqual([]);
  });

  test('keeps only what `keep` wants and what fits the per-file cap', async () => {
    const { reader } = await setup({}, { maxFileBytes: 20 });
    const texts = await reader.readAll!(HEAD, { maxBytes: 1 << 20, keep: (p) => p.endsWith('.ts') });
    expect([...(texts?.keys() ?? [])].sort()).toEqual([DEEP, SPLIT, 'src/a.ts'].sort());
  });

  test('an archive over maxBytes is cut off: null, and listFiles + readFiles still work', async () => {
    const big = {
      [HEAD]: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.ts`, `${i}`.repeat(1000)])),
    };
    const { reader, logged } = await setup({ files: big, snapshot: { sizeKb: 1 } });
    expect(await reader.readAll!(HEAD, { maxBytes: 50_000, keep: everything })).toBeNull();
    expect(logged).toEqual([expect.stringMatching(/archive of bbbbbbb is over 50000 bytes; reading files one by one/)]);
    const { files } = await reader.listFiles(HEAD);
    expect((await reader.readFiles(['f7.ts', 'f8.ts'], HEAD)).get('f7.ts')).toBe('7'.repeat(1000));
    expect(files).toHaveLength(200);
  });

  test('a repository larger than maxBytes is not read: its archive, asked for beside the size, is dropped', async () => {
    const { reader, logged } = await setup({ snapshot: { sizeKb: 900 } });
    expect(await reader.readAll!(HEAD, { maxBytes: 100_000, keep: everything })).toBeNull();
    // One round trip: the size and the archive's headers together; its body is never read.
    expect(paths().sort()).toEqual(
      [
        'GET /_codeload/octo/repo/legacy.tar.gz/' + HEAD,
        'GET /repos/octo/repo',
        `GET /repos/octo/repo/tarball/${HEAD}`,
      ].sort(),
    );
    expect(logged).toEqual([expect.stringMatching(/octo\/repo is 900 KB, over 100000 bytes/)]);
  });

  test('an unknown commit has no archive: null (listFiles then says why)', async () => {
    const { reader, logged } = await setup();
    expect(await reader.readAll!('c'.repeat(40), { maxBytes: 1 << 20, keep: everything })).toBeNull();
    expect(logged).toEqual([expect.stringMatching(/no archive of ccccccc \(HTTP 404\)/)]);
    expect(fake.violations).toEqual([]);
  });

  test('a server error is a ForgeError, without the token', async () => {
    const { reader } = await setup();
    fake.failNext('GET', /\/tarball\//, 502);
    const error = await reader.readAll!(HEAD, { maxBytes: 1 << 20, keep: everything }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ForgeError', operation: 'readAll', status: 502 });
    expect((error as Error).message).toMatch(/server error; try again later/);
  });
});
