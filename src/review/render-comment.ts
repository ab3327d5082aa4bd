import { fingerprintMarker } from './fingerprint.js';
import type { PlacedFinding } from './place.js';
import { neutralizeMentions } from './neutralize.js';
import { SEVERITY_BADGE } from './severity.js';

/** A fence longer than any backtick run in `code`, so the code cannot close it. */
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The body of one inline comment. `suggestions` is false on forges that cannot apply them
 * (Gitea), where the replacement is shown as a plain code block instead.
 */
export function renderInlineComment(p: PlacedFinding, opts: { suggestions: boolean }): string {
  const f = p.finding;
  const lines = [`**${SEVERITY_BADGE[f.severity]}: ${neutralizeMentions(f.title)}**`, '', neutralizeMentions(f.body)];
  if (f.suggestion !== undefined) {
    const code = f.suggestion.replace(/\n$/, '');
    const fence = fenceFor(code);
    // A suggestion replaces exactly the commented lines; after clipping, or on the old side, it no longer would.
    const applicable = opts.suggestions && !p.clipped && p.anchor.side === 'RIGHT';
    if (applicable && code === '') lines.push('', `${fence}suggestion`, fence);
    else lines.push('', applicable ? `${fence}suggestion` : `Suggested code:\n\n${fence}`, code, fence);
  }
  if (p.fingerprint) lines.push('', fingerprintMarker(p.fingerprint));
  return lines.join('\n').trim();
}
