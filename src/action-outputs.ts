import type { RunResult } from './run.js';

/** The step outputs of DESIGN.md, as strings. */
export function actionOutputs(result: RunResult, findingsFile: string, sarifFile: string): Record<string, string> {
  const { report } = result;
  const u = report.usage;
  const input = u.input + u.cacheWrite + u.cacheRead;
  const posted = report.placement ? report.placement.inline.length + report.placement.unplaced.length : 0;
  return {
    model: report.model?.id ?? '',
    tier: report.tier,
    'input-tokens': String(input),
    'output-tokens': String(u.output),
    'total-tokens': String(input + u.output),
    'cost-usd': report.costUsd.toFixed(6),
    'findings-count': String(posted),
    'findings-file': findingsFile,
    'sarif-file': sarifFile,
    'review-url': result.reviewUrl ?? '',
    'skipped-files': JSON.stringify(report.skipped),
  };
}
