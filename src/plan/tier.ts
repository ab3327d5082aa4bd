export type Tier = 'small' | 'medium' | 'large';
export const TIERS: readonly Tier[] = ['small', 'medium', 'large'];

/** Picks the tier for a change of `changedLines` (additions + deletions after filters). */
export function chooseTier(changedLines: number, limits: { smallMaxLines: number; mediumMaxLines: number }): Tier {
  if (changedLines <= limits.smallMaxLines) return 'small';
  if (changedLines <= limits.mediumMaxLines) return 'medium';
  return 'large';
}
