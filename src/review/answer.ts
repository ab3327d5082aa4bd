import { evidenceSchema, findingSchema, type Evidence, type Finding, type ReviewAnswer } from './findings.js';

const LIMITS = { summary: 4000, title: 200, body: 6000, suggestion: 8000, scenario: 1000, evidence: 10 };

export type ReadOptions = {
  /** Caps a finding with no concrete failing case (`scenario`) at `nit`, as the prompt says it is. */
  capWithoutScenario?: boolean;
};

/** A finding whose severity rests on no failing case is at most a nit: nothing shows it breaks. */
export function capUnfounded(f: Finding): Finding {
  return f.severity !== 'nit' && (f.scenario ?? '').trim() === '' ? { ...f, severity: 'nit' } : f;
}

/** Valid evidence entries (a bad one is dropped, not the finding), each range in order, at most LIMITS.evidence. */
function readEvidence(raw: unknown): Evidence[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: Evidence[] = [];
  for (const item of raw) {
    const e = evidenceSchema.safeParse(item);
    if (!e.success) continue;
    const { start_line, ...rest } = e.data;
    out.push(start_line !== undefined && start_line < rest.line ? { ...rest, start_line } : rest);
  }
  return out.slice(0, LIMITS.evidence);
}

export type ReadAnswer = { answer: ReviewAnswer | null; problems: string[] };

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Validates the model's structured answer. Bad findings are dropped one by one (and counted)
 * rather than failing the whole review; over-long text is clipped.
 */
export function readAnswer(output: unknown, opts: ReadOptions = {}): ReadAnswer {
  if (typeof output !== 'object' || output === null) {
    return { answer: null, problems: ['the model gave no structured answer'] };
  }
  const o = output as Record<string, unknown>;
  const problems: string[] = [];
  const summary = typeof o.summary === 'string' ? clip(o.summary.trim(), LIMITS.summary) : '';
  if (typeof o.summary !== 'string') problems.push('the answer had no summary');
  const raw = Array.isArray(o.findings) ? o.findings : [];
  if (!Array.isArray(o.findings)) problems.push('the answer had no findings list');
  const findings: Finding[] = [];
  let dropped = 0;
  for (const item of raw) {
    const evidence =
      typeof item === 'object' && item !== null ? readEvidence((item as { evidence?: unknown }).evidence) : undefined;
    const parsed = findingSchema.safeParse(
      evidence === undefined ? item : { ...(item as Record<string, unknown>), evidence },
    );
    if (!parsed.success) {
      dropped++;
      continue;
    }
    const f = parsed.data;
    const finding: Finding = {
      ...f,
      title: clip(f.title.replace(/\s+/g, ' ').trim(), LIMITS.title),
      body: clip(f.body.trim(), LIMITS.body),
    };
    // A clipped suggestion would commit cut-off code, so an over-long one is dropped instead.
    if (f.suggestion === undefined || f.suggestion.length > LIMITS.suggestion) delete finding.suggestion;
    if (finding.start_line !== undefined && finding.start_line >= finding.line) delete finding.start_line;
    if (f.scenario !== undefined) finding.scenario = clip(f.scenario.replace(/\s+/g, ' ').trim(), LIMITS.scenario);
    findings.push(opts.capWithoutScenario ? capUnfounded(finding) : finding);
  }
  if (dropped > 0) {
    problems.push(
      dropped === 1
        ? '1 finding did not match the findings format and was dropped'
        : `${dropped} findings did not match the findings format and were dropped`,
    );
  }
  return { answer: { summary, findings }, problems };
}
