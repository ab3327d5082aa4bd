import { fingerprintMarker } from './fingerprint.js';
import type { Evidence, Finding } from './findings.js';
import type { PlacedFinding } from './place.js';
import { breakMarkers, hasMarker, neutralize } from './neutralize.js';
import { SEVERITY_BADGE } from './severity.js';

/** A fence longer than any backtick run in `code`, so the code cannot close it. */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `path:10-14` for a range, `path:14` for one line. */
function where(e: Evidence): string {
  return `${e.path}:${e.start_line !== undefined ? `${e.start_line}-` : ''}${e.line}`;
}

/**
 * The finding's proof in one line: the evidence it rests on and the failing case, so a reader
 * can check it without re-deriving it. Null when the model gave neither.
 */
export function whyLine(f: Pick<Finding, 'scenario' | 'evidence'>, safe: { forgeHost: string | null }): string | null {
  const scenario = (f.scenario ?? '').replace(/\s+/g, ' ').trim();
  const evidence = (f.evidence ?? []).map((e) => `\`${breakMarkers(where(e)).replace(/`/g, "'")}\``);
  if (scenario === '' && evidence.length === 0) return null;
  const parts = [
    evidence.length > 0 ? `evidence ${evidence.join(', ')}` : '',
    scenario !== '' ? `fails when: ${neutralize(scenario, safe)}` : '',
  ].filter((p) => p !== '');
  return `_Why:_ ${parts.join(' — ')}`;
}

/**
 * The body of one inline comment. `suggestions` is false on forges that cannot apply them
 * (Gitea), where the replacement is shown as a plain code block instead.
 */
export function renderInlineComment(
  p: PlacedFinding,
  opts: { suggestions: boolean; forgeHost?: string | null },
): string {
  const f = p.finding;
  const safe = { forgeHost: opts.forgeHost ?? null };
  const lines = [`**${SEVERITY_BADGE[f.severity]}: ${neutralize(f.title, safe)}**`, '', neutralize(f.body, safe)];
  const why = whyLine(f, safe);
  if (why) lines.push('', why);
  if (f.suggestion !== undefined) {
    // Code with an HTML comment marker cannot go byte for byte: it is shown with the marker broken, not offered to apply.
    const code = breakMarkers(f.suggestion.replace(/\n$/, ''));
    const fence = fenceFor(code);
    // A suggestion replaces exactly the commented lines; after clipping, or on the old side, it no longer would.
    const applicable = opts.suggestions && !p.clipped && p.anchor.side === 'RIGHT' && !hasMarker(f.suggestion);
    if (applicable && code === '') lines.push('', `${fence}suggestion`, fence);
    else lines.push('', applicable ? `${fence}suggestion` : `Suggested code:\n\n${fence}`, code, fence);
  }
  if (p.fingerprint) lines.push('', fingerprintMarker(p.fingerprint));
  return lines.join('\n').trim();
}
