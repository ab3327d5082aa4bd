import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/payloads');

/** ROOT_URL of the Gitea instance the payload fixtures were written for (their `html_url`s). */
export const GITEA_ROOT_URL = 'https://gitea.example.test';
/** The base repository of every fixture. */
export const GITEA_OWNER = 'org';
export const GITEA_REPO = 'repo';

/** The Gitea-shaped event payloads in `__tests__/fixtures/payloads/` (see each file's `_source`). */
export const GITEA_PAYLOADS = {
  /** `pull_request`, action `opened`, PR #7 from a branch of org/repo. */
  opened: 'gitea-pull_request-opened.json',
  /** `pull_request`, action `synchronized` (Gitea's spelling), PR #7 with a new head. */
  synchronized: 'gitea-pull_request-synchronized.json',
  /** `pull_request`, action `opened`, PR #8 from the fork mallory/repo. */
  forkOpened: 'gitea-pull_request-fork-opened.json',
  /** `issue_comment`, action `created`, on PR #7 (`is_pull: true`, no top-level `number`). */
  commentOnPull: 'gitea-issue_comment-created-on-pull.json',
} as const;

export type GiteaPayloadName = keyof typeof GITEA_PAYLOADS;

/** A fresh deep copy of one fixture, without its `_source` note (a runner's event file has none). */
export function giteaPayload(name: GiteaPayloadName): Record<string, any> {
  const data = JSON.parse(readFileSync(join(DIR, GITEA_PAYLOADS[name]), 'utf8')) as Record<string, any>;
  delete data._source;
  return data;
}
