import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { actionOutputs, statusOutputs, type SkipReason } from '../action-outputs.js';
import type { Handled } from '../handle.js';
import { annotationsFor } from '../review/annotations.js';
import { toSarif } from '../review/sarif.js';
import type { RunResult } from '../run.js';
import { VERSION } from '../version.js';

/** The step's outputs, as later steps read them. */
export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

/** A run that does nothing: a notice, the job summary's line, and `status: skipped`. */
export async function skip(reason: string, why: SkipReason): Promise<void> {
  setOutputs(statusOutputs('skipped', why));
  core.notice(`Skipped: ${reason}`);
  await core.summary.addRaw(`Claude review skipped: ${reason}\n`).write();
}

/** Outputs, findings file, annotations and job summary: the review wherever a person or a later step looks. */
async function deliver(result: RunResult, prNumber: number): Promise<void> {
  const findingsFile = join(
    (process.env.RUNNER_TEMP?.trim() ?? '') || tmpdir(),
    `claude-pr-review-findings-${prNumber}.json`,
  );
  writeFileSync(findingsFile, `${JSON.stringify(result.findings ?? { summary: '', findings: [] }, null, 2)}\n`);
  const sarifFile = findingsFile.replace(/\.json$/, '.sarif');
  writeFileSync(sarifFile, `${JSON.stringify(toSarif(result.findings, VERSION), null, 2)}\n`);
  setOutputs(actionOutputs(result, findingsFile, sarifFile));
  for (const a of annotationsFor(result.placement)) {
    const props = { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  await core.summary.addRaw(result.summaryMarkdown).write();
  if (result.report.status === 'declined')
    core.warning('The model declined to review this change: nothing was reviewed.');
  if (result.postingError) {
    core.warning(
      `The review could not be posted (${result.postingError}). Its findings are in the job summary, the annotations and the \`findings-file\` output.`,
    );
  }
}

/** What a run that did not review leaves in the log and job summary; a review is delivered in full. */
export async function report(handled: Handled, prNumber: number): Promise<void> {
  if (handled.kind === 'reviewed') return deliver(handled.result, prNumber);
  const line =
    handled.kind === 'refused'
      ? `Not started: ${handled.reason}. A polite reply was posted; no tokens were spent.`
      : handled.kind === 'helped'
        ? 'Posted the command help.'
        : `Question ${handled.result.answered ? 'answered' : 'not answered'} (${handled.result.tokens} tokens).`;
  core.info(line);
  setOutputs(handled.kind === 'refused' ? statusOutputs('skipped', 'not-allowed') : statusOutputs('answered'));
  core.setOutput('total-tokens', String(handled.kind === 'answered' ? handled.result.tokens : 0));
  await core.summary.addRaw(`Claude review: ${line}\n`).write();
}
