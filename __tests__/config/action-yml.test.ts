import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { parse } from 'yaml';
import { SKIP_REASONS } from '../../src/action-outputs.js';
import {
  CONFIG_FILE_KEYS,
  FILE_SETTING_NAMES,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  RETIRED_INPUTS,
  WORKFLOW_INPUT_NAMES,
} from '../../src/config/inputs.js';
import { PRIORITY_ORDER_TEXT } from '../../src/plan/priority.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const action = parse(readFileSync(resolve(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const reference = readFileSync(resolve(root, 'docs/inputs.md'), 'utf8');
const OUTPUTS = [
  'status',
  'skip-reason',
  'model',
  'tier',
  'input-tokens',
  'output-tokens',
  'total-tokens',
  'cost-usd',
  'findings-count',
  'findings-file',
  'sarif-file',
  'review-url',
  'skipped-files',
];

describe('action.yml is the public contract', () => {
  test('declares exactly the workflow inputs, with the same defaults', () => {
    expect(Object.keys(action.inputs)).toEqual(WORKFLOW_INPUT_NAMES);
    for (const name of WORKFLOW_INPUT_NAMES) {
      const declared = action.inputs[name]!.default ?? '';
      const description = action.inputs[name]!.description;
      expect(description.length).toBeGreaterThan(10);
      if ((CONFIG_FILE_KEYS as string[]).includes(name)) {
        // The runner passes an action.yml default as if the workflow had set it, and a value the
        // workflow sets beats the config file's: so a default there would hide the file's value.
        // These defaults live in the code (INPUT_DEFAULTS), and the description states them.
        expect([name, declared]).toEqual([name, '']);
        if (INPUT_DEFAULTS[name] !== '')
          expect([name, description]).toEqual([name, expect.stringContaining(`Default: \`${INPUT_DEFAULTS[name]}\`.`)]);
      } else {
        expect([name, declared]).toEqual([
          name,
          name === 'github-token' ? '${{ github.token }}' : INPUT_DEFAULTS[name],
        ]);
      }
    }
  });

  test('declares the outputs of DESIGN.md and the status, and runs the committed bundle on node24', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUTS].sort());
    for (const reason of SKIP_REASONS) expect(action.outputs['skip-reason']!.description).toContain(`\`${reason}\``);
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/launch/index.cjs' });
  });

  test('no setting only the config file takes, and no retired name, is declared', () => {
    for (const name of [...FILE_SETTING_NAMES, ...Object.keys(RETIRED_INPUTS)])
      expect(action.inputs).not.toHaveProperty(name);
  });

  test('docs/inputs.md documents every input, setting, output, skip reason and retired name in its tables', () => {
    for (const name of [...INPUT_NAMES, ...OUTPUTS, ...Object.keys(RETIRED_INPUTS)])
      expect([name, reference]).toEqual([name, expect.stringContaining(`| \`${name}\` |`)]);
    for (const reason of SKIP_REASONS) expect(reference).toContain(`\`${reason}\``);
  });

  test('the README tables hold the workflow inputs only; the settings of the file are linked', () => {
    for (const name of WORKFLOW_INPUT_NAMES)
      expect([name, readme]).toEqual([name, expect.stringContaining(`| \`${name}\` |`)]);
    for (const name of FILE_SETTING_NAMES) expect(readme).not.toContain(`| \`${name}\` |`);
    expect(readme).toContain('(docs/inputs.md)');
  });

  test('the README states the priority order the planner follows', () => {
    expect(readme).toContain(PRIORITY_ORDER_TEXT);
  });
});
