import { checkAnchor, nearestAnchor, type Anchor, type AnchorIndex } from '../diff/anchor.js';
import type { Finding, Severity } from './findings.js';
import { atLeast, severityRank } from './severity.js';

export type PlacedFinding = {
  finding: Finding;
  anchor: Anchor;
  /** The model's range reached outside one hunk and was clipped to the part inside it. */
  clipped: boolean;
  /** Identity across runs, hidden in the posted comment (set before posting). */
  fingerprint?: string;
};

export type UnplacedFinding = { finding: Finding; reason: string };

export type Placement = {
  inline: PlacedFinding[];
  /** Shown in the summary instead of inline; never dropped silently. */
  unplaced: UnplacedFinding[];
  /** How many findings were below `min-severity` and left out on purpose. */
  belowMinSeverity: number;
};

function key(f: Finding): string {
  return `${f.path}\u0000${f.side}\u0000${f.line}\u0000${f.title.toLowerCase()}`;
}

/**
 * Decides where each finding goes. An anchor GitHub or Gitea would reject (line not in the
 * diff, a range across hunks) is clipped to the hunk it overlaps or moved to the summary,
 * so a bad anchor can never fail the whole review.
 */
export function placeFindings(
  findings: Finding[],
  index: AnchorIndex,
  opts: { minSeverity: Severity; maxComments: number },
): Placement {
  const seen = new Set<string>();
  // Sorted first, so of two duplicates the more severe one is kept.
  const ordered = [...findings]
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
    .filter((f) => {
      const k = key(f);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const placement: Placement = { inline: [], unplaced: [], belowMinSeverity: 0 };
  for (const finding of ordered) {
    if (!atLeast(finding.severity, opts.minSeverity)) {
      placement.belowMinSeverity++;
      continue;
    }
    const wanted: Anchor = { path: finding.path, line: finding.line, side: finding.side };
    if (finding.start_line !== undefined) wanted.startLine = finding.start_line;
    const check = checkAnchor(index, wanted);
    const anchor = check.ok ? wanted : nearestAnchor(index, wanted);
    if (!anchor) {
      placement.unplaced.push({ finding, reason: check.ok ? 'not in the diff' : check.reason });
      continue;
    }
    if (placement.inline.length >= opts.maxComments) {
      placement.unplaced.push({ finding, reason: `over \`max-comments\` (${opts.maxComments})` });
      continue;
    }
    placement.inline.push({ finding, anchor, clipped: !check.ok });
  }
  return placement;
}
