import { changedLines, filterFiles } from '../diff/filter.js';
import { parseDiff } from '../diff/parse.js';
import { runBudget } from '../plan/budget.js';
import { capDescription } from '../review/description.js';
import { reviewScope } from '../review/scope.js';
import { decodeState } from '../state/marker.js';
import { readMonthUsage } from '../state/month-usage.js';
import { ownSummaries } from '../state/own.js';
import { reviewInProgress } from '../state/summary-store.js';
import { fileTokens } from '../plan/measure.js';
import type { PullView, StepDeps } from './types.js';

export const UNKNOWN_SELF = 'the action could not tell which comments are its own';

/**
 * Everything the run needs from the forge before it can plan, asked in as few round trips as
 * the data allows: the pull request, its diff, the token's identity and the conversation at
 * once; then what depends on them (the increment since the last review, the month's spend).
 */
export async function readPull(deps: StepDeps): Promise<PullView> {
  const { config, forge, log, now } = deps;
  const [fullPr, diff, self, comments] = await Promise.all([
    forge.getPullRequest(),
    forge.getDiff(),
    forge.identity(),
    forge.listComments(),
  ]);
  const { pr, note: descriptionNote } = capDescription(fullPr);
  const { kept, skipped } = filterFiles(parseDiff(diff), config);
  // Only the action's own summary carries state: anyone else's marker is just text.
  const [previous = null] = ownSummaries(comments, self);
  const history = decodeState(previous?.body);
  const [scope, month] = await Promise.all([
    reviewScope(forge, deps.request, history, pr.headSha, kept),
    readMonthUsage(forge, config, now(), self),
  ]);
  const files = scope.files;
  const lines = changedLines(files);
  log.info(
    `PR #${pr.number}: ${files.length} file(s), ${lines} changed line(s) to review; ${skipped.length} filtered out`,
  );
  if (!self) log.warning(`Earlier summaries and budgets are ignored: ${UNKNOWN_SELF} (set \`bot-login\`).`);
  const budget = runBudget(config, history, month, self ? null : UNKNOWN_SELF);
  const diffTokens = files.reduce((n, f) => n + fileTokens(f), 0);
  const busy = reviewInProgress(history, pr.headSha, deps.runId, now().getTime());
  return { pr, descriptionNote, kept, skipped, self, previous, history, scope, files, lines, diffTokens, budget, busy };
}
