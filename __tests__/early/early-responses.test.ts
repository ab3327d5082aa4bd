import { afterEach, describe, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { EarlyResponses, type EarlyRequest } from '../../src/early/early-responses.js';

type Seen = { method: string; url: string; headers: IncomingMessage['headers'] };

/** A local server that records what it was asked and answers with `answer`. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  servers.push(server);
  return { url: `http://127.0.0.1:${port}`, seen };
}

let servers: Server[] = [];
let early: EarlyResponses[] = [];
afterEach(async () => {
  for (const e of early) e.dispose();
  early = [];
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

const json = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

function start(requests: EarlyRequest[]): EarlyResponses {
  const e = new EarlyResponses(requests, 'claude-pr-review/test');
  early.push(e);
  return e;
}

const AUTH = { accept: 'application/vnd.github.v3+json', authorization: 'token t0k' };
/** The fallback stands for the client's own fetch: it says it was used. */
const network = async () => new Response('from the network', { status: 299 });

describe('early answers', () => {
  test('an answer is handed out once, to the same read with the same credential', async () => {
    const s = await serve((req, res) => json(res, { number: 2, url: req.url }));
    const e = start([{ method: 'GET', url: `${s.url}/repos/o/r/pulls/2`, headers: AUTH }]);
    const fetchEarly = e.wrap(network);

    const other = await fetchEarly(`${s.url}/repos/o/r/pulls/2`, {
      headers: { ...AUTH, authorization: 'token other' },
    });
    expect(other.status).toBe(299);
    const first = await fetchEarly(`${s.url}/repos/o/r/pulls/2`, { method: 'GET', headers: AUTH });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ number: 2, url: '/repos/o/r/pulls/2' });
    const again = await fetchEarly(`${s.url}/repos/o/r/pulls/2`, { headers: AUTH });
    expect(again.status).toBe(299);
    expect(s.seen).toHaveLength(1);
    expect(s.seen[0]!.headers['user-agent']).toBe('claude-pr-review/test');
  });

  test('the same URL with another media type is another read (the diff is not the JSON)', async () => {
    const s = await serve((req, res) =>
      req.headers.accept?.includes('diff') ? res.end('diff --git a/x b/x\n') : json(res, { number: 2 }),
    );
    const diff = { ...AUTH, accept: 'application/vnd.github.v3.diff' };
    const e = start([
      { method: 'GET', url: `${s.url}/pulls/2`, headers: AUTH },
      { method: 'GET', url: `${s.url}/pulls/2`, headers: diff },
    ]);
    const fetchEarly = e.wrap(network);
    expect(await (await fetchEarly(`${s.url}/pulls/2`, { headers: diff })).text()).toBe('diff --git a/x b/x\n');
    expect(await (await fetchEarly(`${s.url}/pulls/2`, { headers: AUTH })).json()).toEqual({ number: 2 });
  });

  test('a comment posted or edited makes the early listing stale; a reaction does not', async () => {
    const s = await serve((_req, res) => json(res, [{ id: 1 }]));
    const listing = `${s.url}/repos/o/r/issues/2/comments?per_page=100`;
    const e = start([{ method: 'GET', url: listing, headers: AUTH, volatile: true }]);
    const fetchEarly = e.wrap(network);
    await fetchEarly(`${s.url}/repos/o/r/issues/comments/7/reactions`, { method: 'POST', headers: AUTH, body: '{}' });
    expect(e.size).toBe(1);
    await fetchEarly(`${s.url}/repos/o/r/issues/2/comments`, { method: 'POST', headers: AUTH, body: '{"body":"x"}' });
    expect(e.size).toBe(0);
    expect((await fetchEarly(listing, { headers: AUTH })).status).toBe(299);
  });

  test('an early read that failed is asked again by the client', async () => {
    const e = start([{ method: 'GET', url: 'http://127.0.0.1:1/repos/o/r/pulls/2', headers: AUTH }]);
    const answer = await e.wrap(network)('http://127.0.0.1:1/repos/o/r/pulls/2', { headers: AUTH });
    expect(answer.status).toBe(299);
  });

  test('an error answer is the client’s to read, as its own would be', async () => {
    const s = await serve((_req, res) => json(res, { message: 'Not Found' }, 404));
    const e = start([{ method: 'GET', url: `${s.url}/contents/x`, headers: AUTH }]);
    const answer = await e.wrap(network)(`${s.url}/contents/x`, { headers: AUTH });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({ message: 'Not Found' });
  });

  test('a gzip answer comes decompressed; a POST matches on its JSON body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ data: { viewer: { login: 'bot' } } })));
    });
    const body = JSON.stringify({ query: 'query { viewer { login } }' });
    const e = start([{ method: 'POST', url: `${s.url}/graphql`, headers: AUTH, body }]);
    const answer = await e.wrap(network)(`${s.url}/graphql`, {
      method: 'POST',
      headers: AUTH,
      body: '{ "query": "query { viewer { login } }" }',
    });
    expect(await answer.json()).toEqual({ data: { viewer: { login: 'bot' } } });
  });

  test('a redirect to another host is followed without the credential', async () => {
    const archive = await serve((_req, res) => res.end('tarball bytes'));
    const api = await serve((_req, res) => {
      res.writeHead(302, { location: `${archive.url}/legacy.tar.gz/abc?token=short-lived` });
      res.end();
    });
    const e = start([{ method: 'GET', url: `${api.url}/repos/o/r/tarball/abc`, headers: AUTH }]);
    const answer = await e.wrap(network)(`${api.url}/repos/o/r/tarball/abc`, { headers: AUTH });
    expect(await answer.text()).toBe('tarball bytes');
    expect(api.seen[0]!.headers.authorization).toBe('token t0k');
    expect(archive.seen[0]!.headers.authorization).toBeUndefined();
  });

  test('the reads a pull request names go out as soon as it arrives, and are answered early too', async () => {
    const sha = (c: string) => c.repeat(40);
    const s = await serve((req, res) =>
      req.url === '/pulls/2'
        ? json(res, { head: { sha: sha('a') }, base: { sha: sha('b') } })
        : json(res, { read: req.url }),
    );
    const e = start([
      {
        method: 'GET',
        url: `${s.url}/pulls/2`,
        headers: AUTH,
        then: (pr) => [
          {
            method: 'GET',
            url: `${s.url}/contents/cfg?ref=${(pr as { base: { sha: string } }).base.sha}`,
            headers: AUTH,
          },
        ],
      },
    ]);
    const fetchEarly = e.wrap(network);
    expect(await (await fetchEarly(`${s.url}/pulls/2`, { headers: AUTH })).json()).toEqual({
      head: { sha: sha('a') },
      base: { sha: sha('b') },
    });
    const config = await fetchEarly(`${s.url}/contents/cfg?ref=${sha('b')}`, { headers: AUTH });
    expect(await config.json()).toEqual({ read: `/contents/cfg?ref=${sha('b')}` });
    expect(s.seen.map((r) => r.url)).toEqual(['/pulls/2', `/contents/cfg?ref=${sha('b')}`]);
  });
});
