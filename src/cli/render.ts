import type { Severity } from '../review/findings.js';
import { SEVERITIES } from '../review/findings.js';
import { formatUsd, type RunStatus, type SummaryReport } from '../review/render-summary.js';
import { SEVERITY_BADGE } from '../review/severity.js';
import { inCliTerms } from './messages.js';
import { paint, severityColour, type Terminal } from './terminal.js';

/** What a dry run would send, as the pipeline's dry-run note states it. */
export type DryRunPlan = {
  calls: number;
  input: number;
  /** The input was estimated (no endpoint counted it). */
  estimated: boolean;
  maxTokens: number;
  /** Tokens reserved for all calls: input with its safety margin plus every answer's room. */
  most: number;
  usd: number;
};

const int = (s: string) => Number(s.replace(/,/g, ''));

/**
 * The plan of a dry run, read from the note the pipeline writes for the summary comment (the
 * report carries no other record of it). Null when the note is not there or reads otherwise;
 * the tests of the CLI fail then, rather than the terminal showing nothing.
 */
export function readDryRunPlan(notes: string[]): { plan: DryRunPlan; note: string } | null {
  for (const note of notes) {
    const m =
      /^Dry run: (?:one call|(\d+) calls) to `[^`]+` with (~?)([\d,]+) input tokens(?: \(estimated\))? and `max_tokens` ([\d,]+)(?: each)?; at most ([\d,]+) tokens, at most \$([\d.]+)\.$/.exec(
        note,
      );
    if (m) {
      const plan = {
        calls: m[1] ? int(m[1]) : 1,
        estimated: m[2] === '~',
        input: int(m[3]!),
        maxTokens: int(m[4]!),
        most: int(m[5]!),
        usd: Number(m[6]),
      };
      return { plan, note };
    }
  }
  return null;
}

export function num(n: number): string {
  return n.toLocaleString('en-US');
}

const SOURCE = { 'models-api': 'Models API', 'built-in': 'built-in table', 'as-given': 'as given' } as const;
const LIST_MAX = 100;

/** What the headline adds per status; a status added later reads as its name until worded here. */
const HEADLINE: Partial<Record<RunStatus, string>> = {
  reviewed: '',
  'dry-run': ': dry run, nothing was sent',
  'nothing-to-review': ': nothing to review',
  'over-ceiling': ': not run, the token ceiling is too low',
  declined: ': not reviewed, the model declined',
  'over-budget': ': not run, the budget is used up',
};

function headline(r: SummaryReport, range: string): string {
  return `Claude review of ${range}${HEADLINE[r.status] ?? `: ${r.status}`}`;
}

function bySeverity(t: Pick<Terminal, 'colour'>, r: SummaryReport): string {
  const counts = new Map<Severity, number>();
  const p = r.placement!;
  for (const f of [...p.inline.map((x) => x.finding), ...p.unplaced.map((x) => x.finding)]) {
    counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  }
  return SEVERITIES.filter((s) => counts.has(s))
    .map((s) => {
      const [badge, name] = SEVERITY_BADGE[s].split(' ') as [string, string];
      return `${badge} ${paint(t, severityColour(name), name)} ${counts.get(s)}`;
    })
    .join(' · ');
}

function findingLines(t: Pick<Terminal, 'colour'>, r: SummaryReport): string[] {
  const p = r.placement;
  if (!p) return [];
  const total = p.inline.length + p.unplaced.length;
  const out = [`${'Findings'.padEnd(13)} ${total === 0 ? 'none: no problems found' : bySeverity(t, r)}`];
  if (p.inline.length > 0) out.push(`${''.padEnd(13)} ${p.inline.length} shown above at their lines`);
  if (p.unplaced.length > 0) {
    out.push(`${''.padEnd(13)} ${p.unplaced.length} not on a line of the diff:`);
    for (const { finding: f, reason } of p.unplaced) {
      const where = f.start_line ? `${f.path}:${f.start_line}-${f.line}` : `${f.path}:${f.line}`;
      out.push(`  ${paint(t, 'grey', `── ${where}`)} (${reason})`, `  ${SEVERITY_BADGE[f.severity]}: ${f.title}`);
      if (f.body.trim())
        out.push(
          ...f.body
            .trim()
            .split('\n')
            .map((l) => `    ${l}`),
        );
    }
  }
  if (p.belowMinSeverity > 0) out.push(`${''.padEnd(13)} ${p.belowMinSeverity} below --min-severity, not shown`);
  return out;
}

/**
 * The files, each counted once: a partly reviewed file is in both the reviewed list and the
 * left-out list of the report, and is shown as "partly" only.
 */
function fileLines(r: SummaryReport): string[] {
  const skippedPaths = new Set(r.skipped.map((s) => s.path));
  const partly = new Set(r.reviewed.filter((f) => skippedPaths.has(f.path)).map((f) => f.path));
  const planned = r.status === 'reviewed' ? 'reviewed' : 'to review';
  const rows: [string, string, string][] = [
    ...r.reviewed
      .filter((f) => !partly.has(f.path))
      .map((f): [string, string, string] => [planned, f.path, `+${num(f.additions)} −${num(f.deletions)}`]),
    ...r.skipped.map((s): [string, string, string] => [
      partly.has(s.path) ? 'partly' : 'left out',
      s.path,
      s.reason.replace(/^partly reviewed: /, ''),
    ]),
  ];
  const whole = r.reviewed.length - partly.size;
  const counts = [
    `${num(whole)} ${planned}`,
    ...(partly.size > 0 ? [`${num(partly.size)} partly ${r.status === 'reviewed' ? 'reviewed' : 'to review'}`] : []),
    `${num(r.skipped.length - partly.size)} left out`,
  ];
  const out = [`${'Files'.padEnd(13)} ${num(rows.length)} changed: ${counts.join(', ')}`];
  const width = Math.min(60, Math.max(0, ...rows.map(([, path]) => path.length)));
  for (const [kind, path, detail] of rows.slice(0, LIST_MAX)) {
    out.push(`  ${kind.padEnd(10)} ${path.padEnd(width)}  ${detail}`);
  }
  if (rows.length > LIST_MAX) out.push(`  …and ${num(rows.length - LIST_MAX)} more`);
  return out;
}

function usageLines(r: SummaryReport, plan: DryRunPlan | null): string[] {
  const u = r.usage;
  const input = u.input + u.cacheRead + u.cacheWrite;
  const row = (name: string, value: string) => `${name.padEnd(13)} ${value}`;
  const tokens = plan
    ? `${plan.estimated ? '~' : ''}${num(plan.input)} in / up to ${num(plan.calls * plan.maxTokens)} out, planned in ${plan.calls === 1 ? 'one call' : `${num(plan.calls)} calls`} (at most ${num(plan.most)} with the safety margin)`
    : `${num(input)} in / ${num(u.output)} out`;
  return [
    row('Model', r.model ? `${r.model.id} (${SOURCE[r.model.source]})` : '—'),
    row('Tier', `${r.tier} (${num(r.changedLines)} changed line${r.changedLines === 1 ? '' : 's'})`),
    row('Coverage', r.coverage === null ? '—' : `${r.coverage}%`),
    row('Tokens', tokens),
    row('Ceiling', num(r.ceiling)),
    row('Est. cost', plan ? `at most ${formatUsd(plan.usd)}` : formatUsd(r.costUsd)),
  ];
}

/**
 * The summary comment for a terminal: plain aligned text from the report itself, with no
 * HTML, hidden markers or Markdown tables, and the range in place of a pull request number.
 * Returns the text and, separately, the closing line.
 */
export function renderForTerminal(
  t: Pick<Terminal, 'colour'>,
  r: SummaryReport,
  opts: { range: string },
): { text: string; plan: DryRunPlan | null } {
  const dry = r.status === 'dry-run' ? readDryRunPlan(r.notes) : null;
  const out = [paint(t, 'bold', headline(r, opts.range)), ''];
  if (r.prSummary.trim()) out.push(r.prSummary.trim(), '');
  const findings = findingLines(t, r);
  if (findings.length > 0) out.push(...findings, '');
  out.push(...fileLines(r), ...usageLines(r, dry?.plan ?? null));
  if (r.guidelines && r.guidelines.paths.length > 0) {
    out.push(`${'Guidelines'.padEnd(13)} ${r.guidelines.paths.join(', ')}${r.guidelines.cut ? ' (cut to fit)' : ''}`);
  }
  const notes = r.notes.filter((n) => n !== dry?.note).map(inCliTerms);
  if (notes.length > 0) out.push('', 'Notes', ...notes.map((n) => `  • ${n}`));
  return { text: out.join('\n'), plan: dry?.plan ?? null };
}

/** The closing line: what happened and what it cost, numbers with thousands separators. */
export function closingLine(r: SummaryReport, plan: DryRunPlan | null, command: 'preview' | 'review'): string {
  const u = r.usage;
  const spent = u.input + u.cacheRead + u.cacheWrite + u.output;
  if (r.status === 'dry-run') {
    const planned = plan
      ? `planned at most ${num(plan.most)} of ${num(r.ceiling)} tokens, est. at most ${formatUsd(plan.usd)}`
      : 'nothing fits under the ceiling';
    const next =
      command === 'review'
        ? 'Without --dry-run, `review` runs it.'
        : '`claude-pr-review review` runs the review (needs ANTHROPIC_API_KEY).';
    return `Dry run, nothing was sent: ${planned}. ${next}`;
  }
  if (r.status === 'nothing-to-review' && spent === 0) return 'Nothing to review, so nothing was sent.';
  const p = r.placement;
  const found = p ? p.inline.length + p.unplaced.length : 0;
  const findings = r.status === 'reviewed' ? `${num(found)} finding${found === 1 ? '' : 's'}; ` : '';
  return `Done: ${findings}spent ${num(spent)} of ${num(r.ceiling)} tokens, est. ${formatUsd(r.costUsd)}.`;
}
