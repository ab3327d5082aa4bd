import { z } from 'zod';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'nit'] as const;
export type Severity = (typeof SEVERITIES)[number];

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
});
export type Finding = z.infer<typeof findingSchema>;

export const reviewAnswerSchema = z.object({
  summary: z.string(),
  findings: z.array(findingSchema),
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;
