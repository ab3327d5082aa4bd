import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createGitHubSnapshot } from '../../src/forge/github-snapshot.js';
import { createGiteaSnapshot } from '../../src/forge/gitea-snapshot.js';
import { createClient } from '../../src/forge/gitea.js';
import { createOctokit } from '../../src/forge/github.js';
import { startFakeGitea, type FakeGitea } from '../fakes/gitea-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { startLatencyProxy, type LatencyProxy as Proxy } from '../support/latency-proxy.js';

/**
 * One snapshot of a many-file repository read both ways, on both forges: in one go (archive)
 * and as tree + batched reads. The test pins the number of requests, which is what latency
 * multiplies. With CPR_SNAPSHOT_LATENCY_MS=100 every request goes through a proxy that waits
 * that long first, and the timings are printed (a measurement, not an assertion).
 */

const LATENCY = Number(process.env.CPR_SNAPSHOT_LATENCY_MS ?? 0);
// The suite pins request counts on 1,000 files; a measurement uses 5,000 (or CPR_SNAPSHOT_FILES).
const COUNT = Number(process.env.CPR_SNAPSHOT_FILES ?? (LATENCY > 0 ? 5000 : 1000));
// Reading file by file (no file-contents endpoint) is measured on fewer files.
const RAW_COUNT = Math.min(COUNT, 500);
const TOKEN = 'tok_s3cr3tT0kenValue0123456789';
const HEAD = 'e'.repeat(40);
const everything = () => true;

/** Source-like text of about 4 KB, different for every file (so it compresses like code). */
function source(i: number): string {
  const words = ['const', 'return', 'value', 'export', 'function', 'if', 'await', 'items', 'map', 'error'];
  const lines: string[] = [];
  let seed = i * 7919 + 1;
  for (let line = 0; line < 100; line++) {
    const parts: string[] = [];
    for (let w = 0; w < 6; w++) {
      seed = (seed * 48271) % 2147483647;
      parts.push(`${words[seed % words.length]}${seed % 97}`);
    }
    lines.push(`  ${parts.join(' ')};`);
  }
  return `// file ${i}\n${lines.join('\n')}\n`;
}

const FILES: Record<string, string> = Object.fromEntries(
  Array.from({ length: COUNT }, (_, i) => [`pkg${i % 50}/src/mod${Math.floor(i / 50)}/file${i}.ts`, source(i)]),
);
const PATHS = Object.keys(FILES);

const rows: string[] = [];
async function measure<T>(proxy: Proxy, label: string, fn: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const [requests, bytes, started] = [proxy.requests, proxy.bytes, performance.now()];
  const value = await fn();
  const ms = Math.round(performance.now() - started);
  const used = proxy.requests - requests;
  rows.push(
    `${label.padEnd(58)} ${String(used).padStart(5)} req ${String(ms).padStart(7)} ms ${((proxy.bytes - bytes) / 1e6).toFixed(1).padStart(6)} MB`,
  );
  return { value, requests: used };
}

afterAll(() => {
  if (LATENCY > 0) console.log(`${COUNT} files, ${LATENCY} ms a request:\n${rows.join('\n')}`);
});

describe(`${COUNT}-file snapshot: archive vs tree + batched reads`, () => {
  let github: FakeGitHub;
  let gitea: FakeGitea;
  let giteaOld: FakeGitea;
  const proxies: Proxy[] = [];
  beforeAll(async () => {
    github = await startFakeGitHub({ token: TOKEN, files: { [HEAD]: FILES } });
    gitea = await startFakeGitea({ token: TOKEN, files: { [HEAD]: FILES } });
    giteaOld = await startFakeGitea({
      flavor: 'forgejo',
      token: TOKEN,
      files: { [HEAD]: FILES },
      snapshot: { noFileContents: true },
    });
    for (const url of [github.url, gitea.url, giteaOld.url]) proxies.push(await startLatencyProxy(url, LATENCY));
    // The fakes build each tarball once; building it is not the client's time.
    const warm = { maxBytes: 256 << 20, keep: () => false };
    await githubReader(4, github.url).readAll!(HEAD, warm);
    await giteaReader(gitea.url).readAll!(HEAD, warm);
  });
  afterAll(async () => {
    await Promise.all([github, gitea, giteaOld, ...proxies].map((s) => s.close()));
  });

  /** `url`: a proxy's origin or a fake's; GitHub's API has no path prefix. */
  const githubReader = (concurrency = 4, url = proxies[0]!.url) =>
    createGitHubSnapshot({
      octokit: createOctokit({ token: TOKEN, apiUrl: url, retry: { retries: 0, spaceWrites: false } }, () => {}),
      owner: 'octo',
      repo: 'repo',
      token: TOKEN,
      apiUrl: url,
      concurrency,
    });
  /** `url`: a proxy's origin, or a fake's API base. */
  const giteaReader = (url: string) => {
    const apiUrl = url.endsWith('/api/v1') ? url : `${url}/api/v1`;
    return createGiteaSnapshot({
      kind: 'gitea',
      client: createClient(TOKEN, apiUrl, 0, 1, () => {}),
      owner: 'octo',
      repo: 'repo',
      token: TOKEN,
      apiUrl,
    });
  };

  test('GitHub: tarball in 3 requests; tree + GraphQL in 1 + 50', async () => {
    const proxy = proxies[0]!;
    const archive = await measure(proxy, 'GitHub readAll (repo size, tarball, codeload)', () =>
      githubReader().readAll!(HEAD, { maxBytes: 256 << 20, keep: everything }),
    );
    expect(archive.requests).toBe(3);
    expect(archive.value?.size).toBe(COUNT);
    for (const concurrency of [4, 1]) {
      const reader = githubReader(concurrency);
      const batched = await measure(
        proxy,
        `GitHub listFiles + readFiles(all), 100/query, ${concurrency} at once`,
        async () => {
          const { files } = await reader.listFiles(HEAD);
          return reader.readFiles(
            files.map((f) => f.path),
            HEAD,
          );
        },
      );
      expect(batched.requests).toBe(1 + Math.ceil(COUNT / 100));
      expect(batched.value).toEqual(archive.value);
    }
    const targeted = githubReader();
    const fifty = await measure(proxy, 'GitHub readFiles(50 files), targeted', () =>
      targeted.readFiles(PATHS.slice(0, 50), HEAD),
    );
    expect(fifty.requests).toBe(1);
    expect(github.violations).toEqual([]);
  });

  test('Gitea: archive in 1 request; tree pages + file-contents batches of 30', async () => {
    const proxy = proxies[1]!;
    const archive = await measure(proxy, 'Gitea readAll (archive)', () =>
      giteaReader(proxy.url).readAll!(HEAD, { maxBytes: 256 << 20, keep: everything }),
    );
    expect(archive.requests).toBe(1);
    expect(archive.value?.size).toBe(COUNT);
    const reader = giteaReader(proxy.url);
    const batched = await measure(
      proxy,
      'Gitea listFiles + readFiles(all), file-contents 30/req, 4 at once',
      async () => {
        const { files } = await reader.listFiles(HEAD);
        return reader.readFiles(
          files.map((f) => f.path),
          HEAD,
        );
      },
    );
    const entries =
      COUNT +
      new Set(
        PATHS.flatMap((p) => [p.split('/')[0], p.split('/').slice(0, 2).join('/'), p.split('/').slice(0, 3).join('/')]),
      ).size;
    expect(batched.requests).toBe(Math.ceil(entries / 1000) + Math.ceil(COUNT / 30));
    expect(batched.value).toEqual(archive.value);
    expect(gitea.violations).toEqual([]);
  });

  test(`Forgejo (no file-contents): raw reads, one request a file (${RAW_COUNT} files)`, async () => {
    const proxy = proxies[2]!;
    const reader = giteaReader(proxy.url);
    const raw = await measure(proxy, `Forgejo readFiles(${RAW_COUNT}) via raw, 8 at once (+1 probe)`, () =>
      reader.readFiles(PATHS.slice(0, RAW_COUNT), HEAD),
    );
    expect(raw.requests).toBe(1 + RAW_COUNT);
    expect(raw.value.size).toBe(RAW_COUNT);
    const archive = await measure(proxy, 'Forgejo readAll (archive)', () =>
      reader.readAll!(HEAD, { maxBytes: 256 << 20, keep: everything }),
    );
    expect(archive.value?.size).toBe(COUNT);
    expect(giteaOld.violations).toEqual([]);
  });
});
