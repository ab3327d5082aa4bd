import type { ForgeClient, IssueComment } from '../ports.js';
import { encodeState, replaceState, SUMMARY_MARKER, type ReviewState } from './marker.js';

/**
 * Records `state` in the PR's summary comment without touching what it shows, creating a
 * placeholder when there is none yet, so tokens spent outside a finished review (a question,
 * a review that failed midway) still count against the PR's and the month's budgets.
 */
export async function saveState(forge: ForgeClient, previous: IssueComment | null, state: ReviewState): Promise<void> {
  if (previous) await forge.updateComment(previous.id, replaceState(previous.body, state));
  else {
    await forge.createComment(
      `${SUMMARY_MARKER}\n_No review yet: this comment records the tokens spent on this pull request._\n${encodeState(state)}`,
    );
  }
}
