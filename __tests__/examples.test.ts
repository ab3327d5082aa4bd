import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yml'));

type Step = { uses?: string; with?: Record<string, unknown> };
type Workflow = { on: unknown; jobs: Record<string, { steps: Step[] }> };

describe('example workflows are copy-paste ready', () => {
  test.each(examples)('%s parses, uses the action, and passes only inputs it has', (file) => {
    const wf = parse(readFileSync(join(root, 'examples', file), 'utf8')) as Workflow;
    expect(wf.on).toBeTruthy();
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const ours = steps.filter((s) => s.uses?.includes('claude-pr-review@v1'));
    expect(ours).toHaveLength(1);
    for (const key of Object.keys(ours[0]!.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    // Outputs referenced by later steps exist.
    for (const m of readFileSync(join(root, 'examples', file), 'utf8').matchAll(/steps\.review\.outputs\.([\w-]+)/g)) {
      expect(Object.keys(action.outputs)).toContain(m[1]);
    }
  });

  test('the changelog has a section for the package version', () => {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toContain(`## [${version}]`);
  });
});
