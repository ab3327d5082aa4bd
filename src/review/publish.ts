import type { Config } from '../config/config.js';
import type { ForgeClient, PullRequest, ReviewEvent } from '../ports.js';
import type { Placement, UnplacedFinding } from './place.js';
import { hostOf } from './neutralize.js';
import { renderInlineComment } from './render-comment.js';

/** The review event: COMMENT, or REQUEST_CHANGES when configured and a critical finding exists. */
export function reviewEvent(placement: Placement, policy: Config['reviewEvent']): ReviewEvent {
  const critical = [...placement.inline, ...placement.unplaced].some((p) => p.finding.severity === 'critical');
  return policy === 'REQUEST_CHANGES-on-critical' && critical ? 'REQUEST_CHANGES' : 'COMMENT';
}

/**
 * Posts every inline finding as one review. Returns null when there is nothing to post
 * inline: an empty COMMENT review is noise (and GitHub rejects it).
 */
export async function publishReview(
  forge: ForgeClient,
  pr: PullRequest,
  placement: Placement,
  policy: Config['reviewEvent'],
): Promise<{ url: string | null; refused: UnplacedFinding[] }> {
  const event = reviewEvent(placement, policy);
  if (placement.inline.length === 0 && event === 'COMMENT') return { url: null, refused: [] };
  const suggestions = forge.kind === 'github';
  const comments = placement.inline.map((p) => ({
    path: p.anchor.path,
    line: p.anchor.line,
    side: p.anchor.side,
    ...(p.anchor.startLine !== undefined ? { startLine: p.anchor.startLine } : {}),
    body: renderInlineComment(p, { suggestions, forgeHost: hostOf(pr.htmlUrl) }),
  }));
  const body = (n: number) =>
    event === 'REQUEST_CHANGES'
      ? `Claude found a critical problem in this change (${n} inline comment${n === 1 ? '' : 's'}); see the summary comment.`
      : `Claude left ${n} inline comment${n === 1 ? '' : 's'}; the summary comment has the overview.`;
  try {
    const { url } = await forge.createReview({ commitId: pr.headSha, event, body: body(comments.length), comments });
    return { url, refused: [] };
  } catch (error) {
    if ((error as { status?: unknown }).status !== 422) throw error;
  }
  // The forge refused the review (422): find the anchors it objects to, post the rest as one review.
  const accepted = await Promise.all(comments.map((c) => forge.probeAnchor(pr.headSha, c)));
  const good = comments.filter((_, i) => accepted[i]);
  const refused = placement.inline
    .filter((_, i) => !accepted[i])
    .map((p) => ({ finding: p.finding, reason: 'the forge refused this line as an anchor' }));
  if (good.length === 0 && event === 'COMMENT') return { url: null, refused };
  const { url } = await forge.createReview({ commitId: pr.headSha, event, body: body(good.length), comments: good });
  return { url, refused };
}

export type Posted<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Runs one posting step. A refusal by the forge (401/403/404: a read-only or unauthorised
 * token, as on fork pull requests) is returned rather than thrown, so the run still hands
 * its findings to the job summary, annotations and outputs; anything else is thrown.
 */
export async function attemptPost<T>(post: () => Promise<T>): Promise<Posted<T>> {
  try {
    return { ok: true, value: await post() };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401 || status === 403 || status === 404) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    throw error;
  }
}

/** The placement as the summary must show it when the review could not be posted: nothing inline. */
export function unposted(placement: Placement, reason: string): Placement {
  return {
    ...placement,
    inline: [],
    unplaced: [...placement.inline.map((p) => ({ finding: p.finding, reason })), ...placement.unplaced],
  };
}

/**
 * The placement as the summary must show it after posting: everything unplaced when the review
 * could not be posted at all, and the anchors the forge refused moved out of the inline list.
 */
export function asPosted(placement: Placement, review: Posted<{ refused: UnplacedFinding[] }> | null): Placement {
  if (!review) return placement;
  if (!review.ok) return unposted(placement, 'the review could not be posted');
  if (review.value.refused.length === 0) return placement;
  const refused = new Set(review.value.refused.map((r) => r.finding));
  return {
    ...placement,
    inline: placement.inline.filter((p) => !refused.has(p.finding)),
    unplaced: [...review.value.refused, ...placement.unplaced],
  };
}
