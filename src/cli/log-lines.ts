import { inCliTerms } from './messages.js';

const grouped = (digits: string) => Number(digits).toLocaleString('en-US');

/**
 * The pipeline's progress lines are written for the action's log, where a run is about a
 * numbered pull request. Locally there is no number: the first line names the range instead
 * (`main...HEAD (abc1234..def5678): …`), counts get thousands separators, and the closing
 * "Spent … tokens; review not posted" line is left out, since the CLI ends with its own
 * closing line (a review is printed, never posted). Returns null for a line not to show.
 */
export function localLogLine(message: string, range: string): string | null {
  if (/^Spent [\d,]+ of [\d,]+ tokens; review /.test(message)) return null;
  const opening = /^PR #\d+: (.*)$/.exec(message);
  if (opening) return `${range}: ${opening[1]!.replace(/\b\d{4,}\b/g, grouped)}`;
  return inCliTerms(message.replace(/\bceiling (\d{4,}) tokens\b/, (_, n: string) => `ceiling ${grouped(n)} tokens`));
}
