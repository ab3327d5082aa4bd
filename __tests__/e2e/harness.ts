import { fileURLToPath } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';

/** The bundle under test; `CPR_DIST` points a run at another build (e.g. one bundled to a temp dir). */
export const DIST = process.env.CPR_DIST ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/index.js');
/** The action's entry beside it (action.yml `runs.main`), which a runner starts. */
export const ACTION_ENTRY = join(dirname(DIST), 'launch', 'index.cjs');

export type ActionRun = {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Everything the run wrote anywhere a person or a later step could read it. */
  everything: string;
};

/** Parses the GITHUB_OUTPUT file format (`name<<DELIM\nvalue\nDELIM`). */
function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

type ActionOptions = {
  eventName: string;
  payload: unknown;
  inputs: Record<string, string>;
  apiUrl: string;
  repository?: string;
  env?: Record<string, string>;
  /**
   * Last say over the child's environment, after `env` and the `INPUT_*` variables are in:
   * e.g. copy every `GITHUB_*` variable to `FORGEJO_*` as forgejo-runner does, or delete one.
   */
  adjustEnv?: (env: Record<string, string>) => void;
  /** Raw text for the event file instead of `payload` as JSON (e.g. a malformed file). */
  eventText?: string;
  /** The file node starts (default: the action's entry, ACTION_ENTRY). */
  entry?: string;
};

/**
 * Runs the bundled action as a runner would: a child `node dist/launch/index.cjs` with `INPUT_*`,
 * `GITHUB_*` and file-command variables, and nothing inherited that could reach a real service.
 */
export async function runAction(opts: ActionOptions): Promise<ActionRun> {
  return startAction(opts).done;
}

/** Starts the action like `runAction`, handing back the child process too (to signal it, as a runner cancels). */
export function startAction(opts: ActionOptions): { child: ChildProcess; done: Promise<ActionRun> } {
  const dir = mkdtempSync(join(tmpdir(), 'cpr-e2e-'));
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  const summaryPath = join(dir, 'summary');
  writeFileSync(eventPath, opts.eventText ?? JSON.stringify(opts.payload));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: opts.repository ?? 'octo-org/octo-repo',
    GITHUB_API_URL: opts.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    ...opts.env,
  };
  for (const [name, value] of Object.entries(opts.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  opts.adjustEnv?.(env);
  const child = spawn(process.execPath, [opts.entry ?? ACTION_ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = (async (): Promise<ActionRun> => {
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const outputs = readOutputs(readFileSync(outputPath, 'utf8'));
    const summary = readFileSync(summaryPath, 'utf8');
    let findings = '';
    if (outputs['findings-file']) {
      try {
        findings = readFileSync(outputs['findings-file'], 'utf8');
      } catch {
        findings = '';
      }
    }
    // The runner consumes `::add-mask::` commands; everything else reaches the log.
    const logged = stdout.replace(/^::add-mask::.*$/gm, '');
    return {
      code,
      stdout,
      stderr,
      outputs,
      summary,
      everything: [logged, stderr, summary, JSON.stringify(outputs), findings].join('\n'),
    };
  })();
  return { child, done };
}
