import { httpStatusOf } from './forge-error.js';
import type { ApiResponse, GiteaContents } from './gitea-wire.js';

// Larger files (a generated CLAUDE.md?) are not worth their tokens; GitHub's contents API has the same limit.
const MAX_FILE_BYTES = 1024 * 1024;

type Send = <T>(route: string, params: Record<string, unknown>) => Promise<ApiResponse<T>>;

/**
 * One file's text at `ref` through `GET …/contents/{path}`, or null when there is none (404, a
 * directory, a symlink or submodule, a file over 1 MB). `say` logs why a file was not read.
 */
export async function readContents(
  send: Send,
  repo: { owner: string; repo: string },
  path: string,
  ref: string,
  say: (msg: string) => void,
): Promise<string | null> {
  // Gitea's route is `/contents/*`: the path goes with its slashes, each segment escaped
  // (an escaped slash, as Octokit would send a `{filepath}` parameter, is not found).
  const filepath = path.split('/').map(encodeURIComponent).join('/');
  let data: GiteaContents | GiteaContents[];
  try {
    ({ data } = await send<GiteaContents | GiteaContents[]>(`GET /repos/{owner}/{repo}/contents/${filepath}`, {
      ...repo,
      ref,
    }));
  } catch (error) {
    if (httpStatusOf(error) === 404) return null;
    throw error;
  }
  // A directory answers a list; a symlink or submodule carries no content.
  if (Array.isArray(data) || data.type !== 'file') return null;
  if ((data.size ?? 0) > MAX_FILE_BYTES || data.encoding !== 'base64' || typeof data.content !== 'string') {
    say(`${path} at ${ref.slice(0, 7)} is ${data.size ?? '?'} bytes or has no content; not read.`);
    return null;
  }
  return Buffer.from(data.content, 'base64').toString('utf8');
}
