import { findingSchema, type Finding, type ReviewAnswer } from './findings.js';

const LIMITS = { summary: 4000, title: 200, body: 6000, suggestion: 8000 };

export type ReadAnswer = { answer: ReviewAnswer | null; problems: string[] };

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Validates the model's structured answer. Bad findings are dropped one by one (and counted)
 * rather than failing the whole review; over-long text is clipped.
 */
export function readAnswer(output: unknown): ReadAnswer {
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
    const parsed = findingSchema.safeParse(item);
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
    findings.push(finding);
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
