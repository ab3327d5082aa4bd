import { afterEach, describe, expect, test } from '@jest/globals';
import { ForgeError } from '../../src/forge/forge-error.js';
import { createGiteaSnapshot, type GiteaSnapshotOptions } from '../../src/forge/gitea-snapshot.js';
import { createClient, type GiteaKind } from '../../src/forge/gitea.js';
import { startFakeGitea, type FakeGitea, type FakeGiteaInit } from '../fakes/gitea-server.js';

// The Gitea/Forgejo snapshot reader against the fake: paged trees, file-contents, raw, archives.

const TOKEN = 'gta_s3cr3tT0kenValue0123456789';
const HEAD = 'c'.repeat(40);
// A 123-byte last component fits no ustar name field: only a pax `path` record can hold it.
const DEEP = `deep/${'n'.repeat(120)}.ts`;
const HEAD_FILES: Record<string, string> = {
  'src/a.ts': 'export const a = 1;\n',
  'src/b.ts': 'import { a } from "./a";\n',
  'docs/a b/R#1 ü.md': 'odd name\n',
  'bin/tool': 'ELF\0\0\0',
  [DEEP]: 'deep\n',
};
const FILES: Record<string, Record<string, string>> = { [HEAD]: HEAD_FILES };
const TEXTS = Object.entries(HEAD_FILES).filter(([p]) => p !== 'bin/tool');

let fake: FakeGitea;
afterEach(() => fake?.close());

async function setup(kind: GiteaKind, init: FakeGiteaInit = {}, options: Partial<GiteaSnapshotOptions> = {}) {
  fake = await startFakeGitea({ flavor: kind, token: TOKEN, files: FILES, ...init });
  const logged: string[] = [];
  const log = (m: string) => logged.push(m);
  const client = createClient(TOKEN, fake.url, 0, 1, log);
  const reader = createGiteaSnapshot({
    kind,
    client,
    owner: 'octo',
    repo: 'repo',
    token: TOKEN,
    apiUrl: fake.url,
    log,
    ...options,
  });
  return { reader, logged };
}

const paths = () => fake.requests.map((r) => `${r.method} ${r.path.replace('/api/v1/repos/octo/repo', '')}`);
const sorted = (m: Map<string, string> | null | undefined) => [...(m ?? new Map<string, string>())].sort();
const everything = () => true;

describe.each<GiteaKind>(['gitea', 'forgejo'])('%s', (kind) => {
  test('listFiles reads every page up to total_count, though Gitea says truncated on each', async () => {
    const { reader } = await setup(kind, { snapshot: { treesPerPage: 4 } });
    const { files, truncated } = await reader.listFiles(HEAD);
    expect(truncated).toBe(false);
    expect(files.map((f) => f.path).sort()).toEqual(Object.keys(HEAD_FILES).sort());
    expect(files.find((f) => f.path === 'src/a.ts')?.size).toBe(20);
    // 5 files and 5 folders: 10 entries, 3 pages of 4.
    expect(paths()).toEqual(Array(3).fill(`GET /git/trees/${HEAD}`));
    expect(fake.requests[0]?.query).toEqual({ recursive: 'true', page: '1', per_page: '1000' });
    expect(fake.violations).toEqual([]);
  });

  test('listFiles of an unknown commit (400 "sha not found") is a ForgeError saying so', async () => {
    const { reader } = await setup(kind);
    const error = await reader.listFiles('d'.repeat(40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect(error).toMatchObject({ operation: 'listFiles', status: 400 });
    expect((error as Error).message).toMatch(/listFiles at ddddddd failed \(HTTP 400: sha not found.*was not found/);
    expect((error as Error).message).not.toContain(TOKEN);
  });

  test('readFiles asks file-contents with GET (the JSON in ?body=), which a read-only token may use', async () => {
    const { reader } = await setup(kind, { readOnly: true });
    const texts = await reader.readFiles(['src/b.ts', 'bin/tool', 'nope.ts', 'docs/a b/R#1 ü.md'], HEAD);
    expect([...texts]).toEqual([
      ['src/b.ts', HEAD_FILES['src/b.ts']],
      ['docs/a b/R#1 ü.md', 'odd name\n'],
    ]);
    expect(paths()).toEqual(['GET /file-contents']);
    expect(fake.requests[0]?.query).toEqual({
      ref: HEAD,
      body: JSON.stringify({ files: ['src/b.ts', 'bin/tool', 'nope.ts', 'docs/a b/R#1 ü.md'] }),
    });
    expect(fake.violations).toEqual([]);
  });

  test('a short file-contents answer (the paging number) has its tail asked for again', async () => {
    const { reader } = await setup(kind, { snapshot: { pagingNum: 2 } });
    const texts = await reader.readFiles(Object.keys(HEAD_FILES), HEAD);
    expect(sorted(texts)).toEqual(TEXTS.sort());
    expect(paths()).toEqual(Array(3).fill('GET /file-contents'));
  });

  test('without file-contents (Forgejo, Gitea < 1.24) it reads raw files, and asks only once', async () => {
    const { reader, logged } = await setup(kind, { snapshot: { noFileContents: true } });
    const texts = await reader.readFiles(['src/a.ts', 'docs/a b/R#1 ü.md', 'bin/tool', 'nope.ts'], HEAD);
    expect(sorted(texts)).toEqual([
      ['docs/a b/R#1 ü.md', 'odd name\n'],
      ['src/a.ts', HEAD_FILES['src/a.ts']],
    ]);
    await reader.readFiles(['src/b.ts'], HEAD);
    expect(paths().filter((p) => p.includes('file-contents'))).toEqual(['GET /file-contents']);
    expect(paths()).toContain('GET /raw/docs/a%20b/R%231%20%C3%BC.md');
    expect(logged).toEqual([expect.stringMatching(/no file-contents endpoint \(HTTP 404; it needs Gitea 1\.24\+\)/)]);
    expect(fake.quirks).toEqual([]);
    // The probe that found no endpoint is in the description too (Gitea 1.24+ has it).
    expect(fake.violations).toEqual([]);
  });

  test('raw reads stop at the per-file cap', async () => {
    const { reader } = await setup(kind, { snapshot: { noFileContents: true } }, { maxFileBytes: 20 });
    const texts = await reader.readFiles(['src/a.ts', 'src/b.ts'], HEAD);
    expect([...texts.keys()]).toEqual(['src/a.ts']);
  });

  test('readAll untars the archive under <repo>/, long paths included, binaries skipped', async () => {
    const { reader } = await setup(kind, { repo: 'Repo' }, { repo: 'Repo' });
    const texts = await reader.readAll!(HEAD, { maxBytes: 1 << 20, keep: everything });
    expect(sorted(texts)).toEqual(TEXTS.sort());
    expect(fake.requests.map((r) => r.path)).toEqual([`/api/v1/repos/octo/Repo/archive/${HEAD}.tar.gz`]);
    expect(fake.violations).toEqual([]);
  });

  test('readAll of an archive without the folder (PREFIX_ARCHIVE_FILES off) keeps every path', async () => {
    const { reader } = await setup(kind, { snapshot: { prefixArchiveFiles: false } });
    expect(sorted(await reader.readAll!(HEAD, { maxBytes: 1 << 20, keep: everything }))).toEqual(TEXTS.sort());
  });

  test('readAll is null over maxBytes, and when archives are disabled', async () => {
    const { reader, logged } = await setup(kind, { snapshot: { noArchives: true } });
    expect(await reader.readAll!(HEAD, { maxBytes: 1 << 20, keep: everything })).toBeNull();
    expect(logged).toEqual([expect.stringMatching(/has no archive of ccccccc \(HTTP 404\)/)]);
    await fake.close();
    const second = await setup(kind);
    expect(await second.reader.readAll!(HEAD, { maxBytes: 2000, keep: everything })).toBeNull();
    expect(second.logged).toEqual([expect.stringMatching(/archive of ccccccc is over 2000 bytes/)]);
  });

  test('403 is a ForgeError that says which permission to declare', async () => {
    const { reader } = await setup(kind);
    fake.failNext('GET', /\/file-contents$/, 403, { body: { message: 'token does not have required scope' } });
    const error = await reader.readFiles(['src/a.ts'], HEAD).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ForgeError', operation: 'readFiles', status: 403 });
    expect((error as Error).message).toMatch(
      new RegExp(`${kind === 'forgejo' ? 'Forgejo' : 'Gitea'} readFiles .*permissions: contents: read`),
    );
  });
});
