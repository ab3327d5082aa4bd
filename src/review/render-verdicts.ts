/**
 * The verification part of the summary: "9 candidates, 4 confirmed", and a collapsed section
 * that lists what was not posted inline (rejected, uncertain, below `min-confidence`) and what
 * could not be verified, each with its reason. Model text is neutralized: it cannot carry a
 * marker, a mention or a foreign link into the summary.
 */
import { neutralize } from './neutralize.js';
import { SEVERITY_BADGE } from './severity.js';
import type { RejectedFinding, UnverifiedFinding } from './verify.js';

export type VerificationSummary = {
  /** Every candidate the review produced (after merging duplicates). */
  candidates: number;
  confirmed: number;
  rejected: RejectedFinding[];
  unverified: UnverifiedFinding[];
  minConfidence: number;
};

const LABEL: Record<RejectedFinding['verdict'], string> = {
  rejected: 'rejected',
  uncertain: 'uncertain',
  confirmed: 'low confidence',
};

/** Text inside a table cell or list item: one line, pipes escaped, neutralized. */
function cell(text: string, forgeHost: string | null): string {
  return neutralize(text.replace(/\s+/g, ' ').trim(), { forgeHost }).replace(/\|/g, '\\|');
}

/** `src/a.ts:42` in a code span, with backticks made harmless. */
function where(path: string, line: number): string {
  return `\`${`${path}:${line}`.replace(/`/g, "'")}\``;
}

/**
 * The headline: "9 candidates, 4 confirmed" (plus how many are posted unverified). Empty when
 * the review had no candidates, so a clean review says nothing about verification.
 */
export function verificationHeadline(v: VerificationSummary): string {
  if (v.candidates === 0) return '';
  const parts = [`${v.candidates} candidate${v.candidates === 1 ? '' : 's'}, ${v.confirmed} confirmed`];
  if (v.unverified.length > 0) parts.push(`${v.unverified.length} posted unverified`);
  return `${parts.join(', ')}.`;
}

/**
 * The Markdown for the summary: the headline, then a `<details>` list of the findings not
 * posted inline with the verifier's reason, and of the unverified ones with why. Pure.
 */
export function renderVerification(v: VerificationSummary, opts: { forgeHost?: string | null } = {}): string {
  const host = opts.forgeHost ?? null;
  const headline = verificationHeadline(v);
  if (headline === '') return '';
  const lines = [`**Verification:** ${headline}`];
  if (v.rejected.length > 0) {
    lines.push(
      '',
      '<details>',
      `<summary>${v.rejected.length} not posted: rejected, uncertain or below confidence ${v.minConfidence}</summary>`,
      '',
      '| Finding | Verdict | Reason |',
      '|---|---|---|',
    );
    for (const r of v.rejected) {
      const f = r.finding;
      lines.push(
        `| ${SEVERITY_BADGE[f.severity]} ${where(f.path, f.line)} ${cell(f.title, host)} | ${LABEL[r.verdict]} (${r.confidence}) | ${cell(r.reason, host)} |`,
      );
    }
    lines.push('', '</details>');
  }
  if (v.unverified.length > 0) {
    lines.push('', '<details>', `<summary>${v.unverified.length} posted without verification</summary>`, '');
    for (const u of v.unverified) {
      lines.push(`- ${where(u.finding.path, u.finding.line)} ${cell(u.finding.title, host)}: ${cell(u.reason, host)}`);
    }
    lines.push('', '</details>');
  }
  return lines.join('\n');
}
