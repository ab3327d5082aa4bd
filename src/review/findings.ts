import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'nit'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A line range a finding rests on, in the diff or the context shown (`start_line` for a range). */
export const evidenceSchema = z.object({
  path: z.string().min(1),
  start_line: z.number().int().positive().optional(),
  line: z.number().int().positive(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** One finding as the model reports it (the public findings format of DESIGN.md). */
export const findingSchema = z.object({
  path: z.string().min(1),
  line: z.number().int().positive(),
  start_line: z.number().int().positive().optional(),
  side: z.enum(['RIGHT', 'LEFT']).default('RIGHT'),
  severity: z.enum(SEVERITIES),
  title: z.string().min(1),
  body: z.string(),
  suggestion: z.string().optional(),
  /** The concrete failing case (input → wrong result); without one a finding is a nit at most. */
  scenario: z.string().optional(),
  /** Where the finding's proof is. Bad entries are dropped one by one when the answer is read. */
  evidence: z.array(evidenceSchema).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

export const reviewAnswerSchema = z.object({
  summary: z.string(),
  findings: z.array(findingSchema),
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;
