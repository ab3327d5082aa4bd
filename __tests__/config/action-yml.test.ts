import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_FILE_KEYS, INPUT_DEFAULTS, INPUT_NAMES } from '../../src/config/inputs.js';
import { PRIORITY_ORDER_TEXT } from '../../src/plan/priority.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const action = parse(readFileSync(resolve(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
const OUTPUTS = [
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
  test('declares exactly the inputs the action reads, with the same defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const name of INPUT_NAMES) {
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

  test('declares the outputs of DESIGN.md and runs the committed bundle on node24', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUTS].sort());
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('the README documents every input and output in its tables', () => {
    for (const name of [...INPUT_NAMES, ...OUTPUTS]) expect(readme).toContain(`| \`${name}\` |`);
  });

  test('the README states the priority order the planner follows', () => {
    expect(readme).toContain(PRIORITY_ORDER_TEXT);
  });
});
