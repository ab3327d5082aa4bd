import { createHash } from 'node:crypto';
import { tarGz } from './github-snapshot-routes.js';

/**
 * Repository snapshots for the fake Gitea/Forgejo, from its `files` (`{ [ref]: { [path]: text } }`;
 * a text with a NUL byte is a binary file), with Gitea's behaviour where a client could go
 * wrong: recursive trees page by `page`/`per_page` (at most DefaultGitTreesPerPage) and say
 * `truncated` on every page of a long tree, the last included (only `total_count` tells the
 * end); an unknown commit's tree is 400 "sha not found"; `file-contents` (GET with the JSON
 * in `?body=`, or POST) answers at most DefaultPagingNum files, null for each missing one, and
 * not at all on Forgejo or Gitea before 1.24 (404); `archive/{ref}.tar.gz` is a real gzip
 * tarball under `<repo>/`, as `git archive --prefix` writes it. `raw/*` is the server's own route.
 */

export type GiteaSnapshotInit = {
  /** No file-contents endpoint (Forgejo, Gitea before 1.24): 404. */
  noFileContents?: boolean;
  /** setting.API.DefaultPagingNum: most files one file-contents answer holds (default 30). */
  pagingNum?: number;
  /** setting.API.DefaultGitTreesPerPage: most entries a tree page holds (default 1000). */
  treesPerPage?: number;
  /** Source archives disabled (DISABLE_DOWNLOAD_SOURCE_ARCHIVES): 404. */
  noArchives?: boolean;
  /** setting.Repository.PrefixArchiveFiles (default true): archive members under `<repo>/`. */
  prefixArchiveFiles?: boolean;
};

export type GiteaSnapshotContext = {
  owner: string;
  repo: string;
  files: Record<string, Record<string, string>>;
  /** The API base (…/api/v1), for `url` fields. */
  apiBase: string;
  init: GiteaSnapshotInit | undefined;
};

type Answer = [number, unknown, Record<string, string>?];

const archives = new WeakMap<Record<string, string>, Buffer>();

/** The fake's answer to a snapshot request (`path` without `/api/v1`), or null when it is not one. */
export function routeGiteaSnapshot(
  ctx: GiteaSnapshotContext,
  method: string,
  url: URL,
  path: string,
  body: unknown,
): Answer | null {
  const prefix = `/repos/${ctx.owner}/${ctx.repo}`;
  if (!path.startsWith(`${prefix}/`)) return null;
  const rest = path.slice(prefix.length);
  let m: RegExpExecArray | null;
  if ((m = /^\/git\/trees\/([^/]+)$/.exec(rest)) && method === 'GET')
    return tree(ctx, decodeURIComponent(m[1] ?? ''), url);
  if (rest === '/file-contents' && !ctx.init?.noFileContents) {
    if (method === 'GET') return fileContents(ctx, url.searchParams.get('ref'), parse(url.searchParams.get('body')));
    if (method === 'POST') return fileContents(ctx, url.searchParams.get('ref'), body);
  }
  if ((m = /^\/archive\/(.+)\.tar\.gz$/.exec(rest)) && method === 'GET') {
    const ref = m[1]!.split('/').map(decodeURIComponent).join('/');
    const files = ctx.files[ref];
    if (ctx.init?.noArchives || !files) return [404, { message: 'unrecognized reference', url: '', errors: [] }];
    let archive = archives.get(files);
    const folder = ctx.init?.prefixArchiveFiles === false ? '' : `${ctx.repo.toLowerCase()}/`;
    if (!archive) archives.set(files, (archive = tarGz(files, { folder, comment: ref })));
    return [200, archive, { 'content-type': 'application/octet-stream' }];
  }
  return null;
}

/** Gitea's paging of a recursive tree (services/repository/files/tree.go GetTreeBySHA). */
function tree(ctx: GiteaSnapshotContext, ref: string, url: URL): Answer {
  const files = ctx.files[ref];
  if (!files) return [400, { message: `sha not found [${ref}]`, url: '' }];
  const recursive = url.searchParams.get('recursive') === 'true';
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const at = `${ctx.apiBase}/repos/${ctx.owner}/${ctx.repo}/git`;
  const all = [
    ...[...dirs].map((path) => ({ path, mode: '040000', type: 'tree', size: 0, sha: sha1(`tree:${path}`) })),
    ...Object.entries(files).map(([path, text]) => {
      const bytes = Buffer.from(text, 'utf8');
      return { path, mode: '100644', type: 'blob', size: bytes.length, sha: sha1(bytes) };
    }),
  ]
    .filter((e) => recursive || !e.path.includes('/'))
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((e) => ({ ...e, url: `${at}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}` }));
  const max = ctx.init?.treesPerPage ?? 1000;
  const asked = Number(url.searchParams.get('per_page') ?? 0);
  const perPage = asked <= 0 || asked > max ? max : asked;
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const body = {
    sha: sha1(`tree:${ref}`),
    url: `${at}/trees/${ref}`,
    tree: all.slice(perPage * (page - 1), perPage * page),
    // As Gitea sets it: whenever the whole tree is longer than one page.
    truncated: all.length > perPage,
    page,
    total_count: all.length,
  };
  return [200, body, { 'x-total-count': String(all.length) }];
}

/** `GetContentsListFromTreePaths`: in order, null for what cannot be read, cut at the paging number. */
function fileContents(ctx: GiteaSnapshotContext, ref: string | null, body: unknown): Answer {
  const list = (body as { files?: unknown } | null)?.files;
  if (!Array.isArray(list)) return [400, { message: 'invalid body parameter', url: '' }];
  const commit = ref ?? 'main';
  const files = ctx.files[commit];
  if (!files) return [404, { message: `ref "${commit}" not found`, url: '' }];
  const limit = ctx.init?.pagingNum ?? 30;
  const answer = list.slice(0, limit).map((p) => {
    const path = String(p);
    const text = files[path];
    if (text === undefined) return null;
    const bytes = Buffer.from(text, 'utf8');
    return {
      name: path.split('/').pop() ?? path,
      path,
      sha: sha1(bytes),
      last_commit_sha: commit,
      type: 'file',
      size: bytes.length,
      encoding: 'base64',
      content: bytes.toString('base64'),
      url: `${ctx.apiBase}/repos/${ctx.owner}/${ctx.repo}/contents/${path}?ref=${commit}`,
    };
  });
  return [200, answer];
}

function parse(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');
