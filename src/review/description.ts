import type { PullRequest } from '../ports.js';

/**
 * Most characters of the pull request's description a prompt carries (about 4,000 tokens).
 * The author writes it, so without a cap a huge description could make every call too big
 * and switch the review off.
 */
export const MAX_DESCRIPTION_CHARS = 16_000;

/** The pull request with its description cut to the cap, and a note for the summary when it was. */
export function capDescription(pr: PullRequest): { pr: PullRequest; note: string | null } {
  if (pr.body.length <= MAX_DESCRIPTION_CHARS) return { pr, note: null };
  const body = `${pr.body.slice(0, MAX_DESCRIPTION_CHARS)}\n\n[… description cut here: ${(pr.body.length - MAX_DESCRIPTION_CHARS).toLocaleString('en-US')} more characters not shown]`;
  const note = `The pull request description is ${pr.body.length.toLocaleString('en-US')} characters long; the review saw its first ${MAX_DESCRIPTION_CHARS.toLocaleString('en-US')}.`;
  return { pr: { ...pr, body }, note };
}
