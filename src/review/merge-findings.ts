/**
 * Duplicates across the parts of one review. Parts overlap (a file's hunks split over parts, the
 * same helper changed in two files' context), and two parts can report one problem in their own
 * words. Findings on the same path and side, on overlapping or adjacent lines, whose titles say
 * the same thing, become one: the most severe, best-evidenced of them. Pure.
 */
import type { Finding } from './findings.js';
import { severityRank } from './severity.js';

/** Lines apart that still count as adjacent (a range reported as its first line by one part, its last by another). */
export const ADJACENT_LINES = 2;
/** Title similarity (0..1) at or above which two nearby findings are one problem. */
export const SAME_PROBLEM = 0.5;

const STOP = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'be',
  'can',
  'may',
  'might',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'when',
  'if',
  'and',
  'or',
  'not',
  'no',
  'with',
  'without',
  'this',
  'that',
  'it',
  'its',
  'from',
  'by',
  'as',
  'could',
  'will',
]);

/** The words of a title that carry its meaning: lower case, no punctuation, no filler, crude stems. */
export function titleWords(title: string): Set<string> {
  const words = title
    .toLowerCase()
    .replace(/[`'"()[\]{}.,:;!?]/g, ' ')
    .split(/[\s/_-]+/)
    .filter((w) => w !== '' && !STOP.has(w))
    // Plural and tense endings differ between parts that mean the same thing.
    .map((w) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, '') : w));
  return new Set(words);
}

/**
 * How alike two titles are, 0..1: the shared meaningful words over the smaller title's, so a
 * short title contained in a longer one counts as the same problem.
 */
export function titleSimilarity(a: string, b: string): number {
  const wa = titleWords(a);
  const wb = titleWords(b);
  if (wa.size === 0 || wb.size === 0) return a.trim().toLowerCase() === b.trim().toLowerCase() ? 1 : 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size);
}

function range(f: Finding): [number, number] {
  return [f.start_line ?? f.line, f.line];
}

/** Same path and side, and lines that overlap or lie within ADJACENT_LINES of each other. */
function near(a: Finding, b: Finding): boolean {
  if (a.path !== b.path || a.side !== b.side) return false;
  const [a1, a2] = range(a);
  const [b1, b2] = range(b);
  return a1 <= b2 + ADJACENT_LINES && b1 <= a2 + ADJACENT_LINES;
}

/** Whether two findings report the same problem. */
export function sameProblem(a: Finding, b: Finding): boolean {
  return near(a, b) && titleSimilarity(a.title, b.title) >= SAME_PROBLEM;
}

/** How well a finding shows its case: a scenario, then evidence ranges, then a suggestion. */
function proof(f: Finding): number {
  return (
    ((f.scenario ?? '').trim() !== '' ? 100 : 0) + Math.min(f.evidence?.length ?? 0, 10) * 5 + (f.suggestion ? 1 : 0)
  );
}

/** The better of two: the more severe, then the better-evidenced, then the one reported first. */
function better(a: Finding, b: Finding): Finding {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity < 0 ? a : b;
  return proof(b) > proof(a) ? b : a;
}

export type Merged = {
  findings: Finding[];
  /** How many findings were merged into another (0 when nothing repeated). */
  merged: number;
};

/**
 * Merges the findings of several parts: each group of findings that report the same problem
 * (transitively) becomes its best member, which also gathers the group's evidence. Order
 * follows each group's first appearance, so a single-part review comes back unchanged.
 */
export function mergeFindings(parts: Finding[][] | Finding[]): Merged {
  const all = (
    parts.length > 0 && Array.isArray(parts[0]) ? (parts as Finding[][]).flat() : (parts as Finding[])
  ).slice();
  // Union-find over pairs: n is a review's findings (tens), so n² comparisons are cheap.
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (sameProblem(all[i]!, all[j]!)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Finding[]>();
  all.forEach((f, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  });
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const best = group.reduce(better);
    // The kept finding's own evidence first, then what the others pointed at.
    const others = group.filter((f) => f !== best).flatMap((f) => f.evidence ?? []);
    const evidence = dedupeEvidence([...(best.evidence ?? []), ...others]);
    findings.push(evidence.length > 0 ? { ...best, evidence } : best);
  }
  return { findings, merged: all.length - findings.length };
}

function dedupeEvidence(list: NonNullable<Finding['evidence']>): NonNullable<Finding['evidence']> {
  const seen = new Set<string>();
  return list
    .filter((e) => {
      const key = `${e.path}:${e.start_line ?? ''}:${e.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 10);
}
