import type { DiffFile } from '../diff/types.js';
import type { TokenUsage } from '../ports.js';
import type { ResolvedModel } from '../plan/models.js';
import type { Tier } from '../plan/tier.js';
import { encodeState, replaceState, SUMMARY_MARKER, type ReviewState } from '../state/marker.js';
import type { Severity } from './findings.js';
import { breakMarkers, neutralize, type NeutralizeOptions } from './neutralize.js';
import type { OpenFinding } from './fingerprint.js';
import type { Placement } from './place.js';
import { SEVERITY_BADGE } from './severity.js';
import { SEVERITIES } from './findings.js';

export type RunStatus =
  'reviewed' | 'nothing-to-review' | 'over-ceiling' | 'over-budget' | 'dry-run' | 'declined' | 'busy';

export type SummaryReport = {
  status: RunStatus;
  headSha: string;
  prSummary: string;
  placement: Placement | null;
  /** The action's findings from earlier runs whose comments are still open. */
  open: OpenFinding[];
  reviewed: DiffFile[];
  skipped: { path: string; reason: string }[];
  changedLines: number;
  /** Share of changed lines (after filters) that the review covered, in percent; null when nothing was planned. */
  coverage: number | null;
  tier: Tier;
  model: ResolvedModel | null;
  usage: TokenUsage;
  ceiling: number;
  costUsd: number;
  /** Things the reader should know: fallbacks used, problems with the answer, plans. */
  notes: string[];
  state: ReviewState;
  /** Guideline files the model was given (`guidelines-files`), and whether they were cut to fit. */
  guidelines?: { paths: string[]; cut: boolean } | null;
  /** Host of the forge (from the pull request's URL): links in model text stay links only there. */
  forgeHost?: string | null;
  /** The code around the change the model was shown (its tokens are part of the input). */
  context?: { line: string; files: string[]; tokens: number } | null;
  /** The verification pass, rendered: candidates vs confirmed, and what was not posted, with why. */
  verification?: string | null;
};

/**
 * GitHub refuses comments over 65,536 characters. Each list gets a share of that, counted in
 * characters (paths can be long), and ends with "…and N more" when cut.
 */
const LIST_BUDGET = { unplaced: 20_000, open: 6_000, skipped: 14_000, reviewed: 12_000 };

/** The lines that fit in `budget` characters, plus a closing line naming how many were left out. */
function within(lines: string[], budget: number, more: (n: number) => string): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > budget) return [...out, more(lines.length - i)];
    out.push(line);
    used += line.length + 1;
  }
  return out;
}

const SOURCE_LABEL = { 'models-api': 'Models API', 'built-in': 'built-in table', 'as-given': 'as configured' };

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** A path safe inside a Markdown table cell and code span. */
function code(path: string): string {
  return `\`${breakMarkers(path.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\n/g, ' '))}\``;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatUsd(n: number): string {
  return n < 0.01 && n > 0 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`;
}

function countBySeverity(p: Placement): string {
  const counts = new Map<Severity, number>();
  for (const f of [...p.inline.map((x) => x.finding), ...p.unplaced.map((x) => x.finding)]) {
    counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  }
  return SEVERITIES.filter((s) => counts.has(s))
    .map((s) => `${SEVERITY_BADGE[s]} ${counts.get(s)}`)
    .join(' · ');
}

function headline(r: SummaryReport): string {
  switch (r.status) {
    case 'reviewed':
      return `### Claude review of ${shortSha(r.headSha)}`;
    case 'nothing-to-review':
      return `### Claude review of ${shortSha(r.headSha)}: nothing to review`;
    case 'over-ceiling':
      return `### Claude review of ${shortSha(r.headSha)}: not run, the token ceiling is too low`;
    case 'declined':
      return `### Claude review of ${shortSha(r.headSha)}: not reviewed, the model declined`;
    case 'over-budget':
      return `### Claude review of ${shortSha(r.headSha)}: not run, the budget is used up`;
    case 'dry-run':
      return `### Claude review of ${shortSha(r.headSha)}: dry run (no model call)`;
    case 'busy':
      return `### Claude review of ${shortSha(r.headSha)}: another run is reviewing it`;
  }
}

function findingsSection(p: Placement, safe: NeutralizeOptions): string[] {
  const total = p.inline.length + p.unplaced.length;
  if (total === 0) return ['**No problems found.**'];
  const out = [
    `**Findings:** ${countBySeverity(p)} (${p.inline.length} inline comment${p.inline.length === 1 ? '' : 's'})`,
  ];
  if (p.unplaced.length > 0) {
    out.push('', `#### Not posted inline (${p.unplaced.length})`);
    const items = p.unplaced.map((u) => {
      const f = u.finding;
      const where = f.start_line ? `${f.path}:${f.start_line}-${f.line}` : `${f.path}:${f.line}`;
      const body = neutralize(f.body.replace(/\n+/g, ' ').slice(0, 400), safe);
      const head = `- ${SEVERITY_BADGE[f.severity]} **${neutralize(f.title, safe)}** ${code(where)} _(${u.reason})_`;
      return body ? `${head}\n  ${body}` : head;
    });
    out.push(
      ...within(
        items,
        LIST_BUDGET.unplaced,
        (n) => `- …and ${n} more (all of them are in the \`findings-file\` output)`,
      ),
    );
  }
  if (p.belowMinSeverity > 0) out.push('', `_${p.belowMinSeverity} finding(s) below \`min-severity\` not shown._`);
  return out;
}

function openSection(open: OpenFinding[], safe: NeutralizeOptions): string[] {
  if (open.length === 0) return [];
  const items = open.map(
    (o) =>
      `- ${SEVERITY_BADGE[o.severity]} **${neutralize(o.title, safe)}** ${code(o.line ? `${o.path}:${o.line}` : o.path)}`,
  );
  return [
    `<details><summary>Still open from earlier reviews (${open.length})</summary>`,
    '',
    ...within(items, LIST_BUDGET.open, (n) => `- …and ${n} more`),
    '',
    '</details>',
    '',
  ];
}

function filesSection(r: SummaryReport, whole: boolean): string[] {
  const out = [
    `<details><summary>Files: ${r.reviewed.length} ${r.status === 'reviewed' ? 'reviewed' : 'to review'} · ${r.skipped.length} left out</summary>`,
    '',
  ];
  if (r.skipped.length > 0) {
    out.push('| Left out | Why |', '|---|---|');
    const rows = r.skipped.map((s) => `| ${code(s.path)} | ${s.reason} |`);
    out.push(
      ...(whole
        ? rows
        : within(
            rows,
            LIST_BUDGET.skipped,
            (n) => `| …and ${n} more: every one is in the job summary and the \`skipped-files\` output | |`,
          )),
      '',
    );
  }
  if (r.reviewed.length > 0) {
    const listed = within(
      r.reviewed.map((f) => `${code(f.path)} (+${f.additions} −${f.deletions})`),
      LIST_BUDGET.reviewed,
      (n) => `…and ${n} more`,
    );
    out.push(`${r.status === 'reviewed' ? 'Reviewed' : 'To review'}: ${listed.join(', ')}`, '');
  }
  out.push('</details>');
  return out;
}

/** The context's part of the input tokens, as the selection estimated it (it is billed like the diff). */
function contextShare(r: SummaryReport): string {
  return r.context && r.model ? ` (context ≈${num(r.context.tokens)})` : '';
}

function usageTable(r: SummaryReport): string[] {
  const model = r.model ? `\`${r.model.id}\` (${SOURCE_LABEL[r.model.source]})` : '—';
  const coverage = r.coverage === null ? '—' : `${r.coverage}%`;
  return [
    '| Model | Tier | Coverage | Tokens in / out | Ceiling | Est. cost |',
    '|---|---|---|---|---|---|',
    `| ${model} | ${r.tier} (${num(r.changedLines)} changed lines) | ${coverage} | ${num(r.usage.input + r.usage.cacheRead + r.usage.cacheWrite)}${contextShare(r)} / ${num(r.usage.output)} | ${num(r.ceiling)} | ${formatUsd(r.costUsd)} |`,
  ];
}

/**
 * The summary comment (also the job summary): Markdown, with the marker and hidden state. The
 * job summary (`whole`) lists every file left out, however many; the comment lists what fits
 * under the forge's limit and points to the job summary for the rest.
 */
export function renderSummary(r: SummaryReport, opts: { whole?: boolean } = {}): string {
  const safe = { forgeHost: r.forgeHost ?? null };
  const parts: string[] = [SUMMARY_MARKER, headline(r), ''];
  if (r.prSummary.trim() !== '') parts.push(neutralize(r.prSummary.trim(), safe), '');
  if (r.placement) parts.push(...findingsSection(r.placement, safe), '');
  if (r.verification) parts.push(r.verification, '');
  parts.push(...openSection(r.open, safe));
  parts.push(...filesSection(r, opts.whole ?? false), '', ...usageTable(r), '');
  if (r.context) {
    const files = within(r.context.files.map(code), 2_000, (n) => `…and ${n} more`);
    parts.push(`${r.context.line[0]!.toUpperCase()}${r.context.line.slice(1)} (${files.join(', ')}).`, '');
  }
  if (r.guidelines && r.guidelines.paths.length > 0) {
    const cut = r.guidelines.cut ? ' _(cut to the token limit for guidelines)_' : '';
    parts.push(`Guidelines: ${r.guidelines.paths.map(code).join(', ')}${cut}`, '');
  }
  if (r.notes.length > 0) parts.push(...collapseNotes(r.notes).map((n) => `> ${neutralize(n, safe)}`), '');
  const footer = `<sub>claude-pr-review · head ${shortSha(r.headSha)}</sub>`;
  // The job summary takes up to 1 MiB: nothing is cut there.
  if (opts.whole) return [...parts, footer, encodeState(r.state)].join('\n');
  return capComment(parts.join('\n'), footer, r.state);
}

/**
 * The most characters a comment may have: GitHub refuses bodies over 65,536, and Gitea's
 * database column is as small on MySQL. A little is kept back for the footer and state line.
 */
export const MAX_COMMENT_CHARS = 65_536;
const CAP_RESERVE = 2_000;

/**
 * `body`, then `footer` and the state line, within MAX_COMMENT_CHARS: when the body is too
 * long its end is cut (at a line) and a note says where the rest is. The state is never cut.
 */
export function capComment(body: string, footer: string, state: ReviewState): string {
  const tail = `${footer}\n${encodeState(state)}`;
  const room = MAX_COMMENT_CHARS - CAP_RESERVE - tail.length;
  if (body.length <= room) return `${body}\n${tail}`;
  const cut = body.lastIndexOf('\n', room);
  const kept = body.slice(0, cut > 0 ? cut : room);
  // An open <details> would swallow the rest of the page.
  const open = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  const closers = Array.from({ length: Math.max(0, open) }, () => '</details>');
  const note = `> ✂️ This summary was cut to fit the forge's ${num(MAX_COMMENT_CHARS)}-character limit; the job summary of the workflow run has all of it.`;
  return [kept, ...closers, '', note, '', tail].join('\n');
}

/** A note with its numbers and code spans blanked: notes of one kind (e.g. each failed part) share a shape. */
const shapeOf = (note: string) => note.replace(/`[^`]*`/g, '`…`').replace(/\d[\d,.]*/g, '#');

/**
 * Notes with more than three of the same shape (38 parts that failed alike) become one line
 * that shows the first and counts the rest, so repeats cannot crowd out the summary.
 */
export function collapseNotes(notes: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const n of notes) groups.set(shapeOf(n), [...(groups.get(shapeOf(n)) ?? []), n]);
  const out: string[] = [];
  for (const group of groups.values()) {
    if (group.length <= 3) out.push(...group);
    else out.push(`${group[0]} (and ${group.length - 1} more notes like it)`);
  }
  return out;
}

const REFRESH_PREFIX = '> ℹ️ ';
/** Written by a failed request; any later run that completes clears it. */
export const FAILURE_PREFIX = '> ⚠️ The last review request failed: ';

/**
 * The previous summary kept as it was, with `notes` on top and the new state: a run that found
 * nothing new to review must not wipe the findings an earlier run reported.
 */
export function refreshSummary(previous: string, notes: string[], state: ReviewState): string {
  const lines = replaceState(previous, state)
    .split('\n')
    .filter((l) => !l.startsWith(REFRESH_PREFIX) && !l.startsWith(FAILURE_PREFIX));
  const at = lines.findIndex((l) => l.startsWith('### '));
  const insert = collapseNotes(notes).map((n) => `${REFRESH_PREFIX}${neutralize(n)}`);
  lines.splice(at < 0 ? 1 : at + 1, 0, '', ...insert);
  const body = lines.join('\n');
  if (body.length <= MAX_COMMENT_CHARS) return body;
  // Too long (an old summary with many notes): cut it as a new one would be, keeping the state.
  const withoutState = lines.slice(0, -1).join('\n');
  return capComment(withoutState, '', state);
}
