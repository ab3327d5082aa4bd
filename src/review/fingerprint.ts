import { createHash } from 'node:crypto';
import type { DiffFile } from '../diff/types.js';
import type { ReviewComment, Side } from '../ports.js';
import { SEVERITIES, type Severity } from './findings.js';
import type { PlacedFinding, Placement } from './place.js';
import { SEVERITY_BADGE } from './severity.js';

const FP_PREFIX = '<!-- claude-pr-review:fp=';

/** The code on each commentable line, per file and side: what a fingerprint is taken over. */
export type LineTexts = Map<string, Record<Side, Map<number, string>>>;

export function buildLineTexts(files: DiffFile[]): LineTexts {
  const texts: LineTexts = new Map();
  for (const f of files) {
    const sides: Record<Side, Map<number, string>> = { RIGHT: new Map(), LEFT: new Map() };
    for (const h of f.hunks) {
      for (const l of h.lines) {
        if (l.newLine !== null) sides.RIGHT.set(l.newLine, l.text);
        if (l.oldLine !== null) sides.LEFT.set(l.oldLine, l.text);
      }
    }
    texts.set(f.path, sides);
  }
  return texts;
}

const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * A finding's identity across runs: its file, the code it is anchored to (not the line number,
 * which moves when lines are added above) and its title.
 */
export function fingerprint(p: PlacedFinding, texts: LineTexts): string {
  const code = texts.get(p.anchor.path)?.[p.anchor.side].get(p.anchor.line) ?? '';
  return createHash('sha256')
    .update(`${p.anchor.path}\n${normal(code)}\n${normal(p.finding.title)}`)
    .digest('hex')
    .slice(0, 16);
}

export function fingerprintMarker(fp: string): string {
  return `${FP_PREFIX}${fp} -->`;
}

export function readFingerprint(body: string): string | null {
  const m = /<!-- claude-pr-review:fp=([0-9a-f]{16}) -->/.exec(body);
  return m ? m[1]! : null;
}

/** A finding the action posted in an earlier run whose thread is still open. */
export type OpenFinding = { path: string; line: number; severity: Severity; title: string };

function describe(c: ReviewComment): OpenFinding | null {
  const first = c.body.split('\n', 1)[0] ?? '';
  for (const severity of SEVERITIES) {
    const prefix = `**${SEVERITY_BADGE[severity]}: `;
    if (first.startsWith(prefix) && first.endsWith('**')) {
      return { path: c.path, line: c.line ?? 0, severity, title: first.slice(prefix.length, -2) };
    }
  }
  return null;
}

export type Deduped = {
  placement: Placement | null;
  /** Findings dropped because an open comment of an earlier run already says the same. */
  repeated: number;
  /** The action's earlier findings that are still open (not outdated), for the summary. */
  open: OpenFinding[];
};

/**
 * Gives every inline finding its fingerprint and drops those already posted on this PR in a
 * comment that is still open. Outdated comments (their code changed) and resolved threads do
 * not count, as the issue asks: a finding that comes back after either is posted again.
 */
export function dropRepeats(placement: Placement | null, files: DiffFile[], existing: ReviewComment[]): Deduped {
  const texts = buildLineTexts(files);
  const openComments = existing.filter(
    (c) => !c.outdated && !c.resolved && c.inReplyTo === null && readFingerprint(c.body),
  );
  const openPrints = new Set(openComments.map((c) => readFingerprint(c.body)));
  const inline: PlacedFinding[] = [];
  let repeated = 0;
  const open = openComments.map(describe).filter((o): o is OpenFinding => o !== null);
  if (!placement) return { placement: null, repeated, open };
  for (const p of placement.inline) {
    const fp = fingerprint(p, texts);
    if (openPrints.has(fp)) repeated++;
    else inline.push({ ...p, fingerprint: fp });
  }
  return { placement: { ...placement, inline }, repeated, open };
}
