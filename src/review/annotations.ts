import type { Placement } from './place.js';

export type Annotation = {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file: string;
  startLine: number;
  endLine: number;
};

/** GitHub shows at most 50 annotations of a step; the rest stay in the summary and findings file. */
export const MAX_ANNOTATIONS = 50;

/**
 * Workflow annotations for the findings (new-file lines only: annotations point at the head
 * commit), so they show in the run even where the token could not post a review.
 */
export function annotationsFor(placement: Placement | null): Annotation[] {
  if (!placement) return [];
  const all = [...placement.inline.map((p) => p.finding), ...placement.unplaced.map((u) => u.finding)];
  return all
    .filter((f) => f.side === 'RIGHT')
    .slice(0, MAX_ANNOTATIONS)
    .map((f) => ({
      level: f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'nit' ? 'notice' : 'warning',
      title: `${f.severity}: ${f.title}`,
      message: f.body,
      file: f.path,
      startLine: f.start_line ?? f.line,
      endLine: f.line,
    }));
}
