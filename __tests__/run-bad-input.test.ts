import { describe, expect, test } from '@jest/globals';
import { readConfig } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import { run } from '../src/run.js';
import { addedFile } from './support/diffs.js';
import { memoryForge } from './support/memory-forge.js';
import { scriptedModel } from './support/scripted-model.js';

const silent = { info: () => {}, warning: () => {} };
const config = (inputs: Partial<Record<InputName, string>> = {}) => readConfig((n) => inputs[n] ?? '');
const noFindings = () => ({ summary: 'ok', findings: [] });

const BINARY = [
  'diff --git a/logo.png b/logo.png',
  'new file mode 100644',
  'index 0000000..1234567',
  'Binary files /dev/null and b/logo.png differ',
  '',
].join('\n');
const RENAME = [
  'diff --git a/old/name.ts b/new/name.ts',
  'similarity index 100%',
  'rename from old/name.ts',
  'rename to new/name.ts',
  '',
].join('\n');
const SUBMODULE = [
  'diff --git a/vendor/lib b/vendor/lib',
  'index 1111111..2222222 160000',
  '--- a/vendor/lib',
  '+++ b/vendor/lib',
  '@@ -1 +1 @@',
  '-Subproject commit 1111111111111111111111111111111111111111',
  '+Subproject commit 2222222222222222222222222222222222222222',
  '',
].join('\n');

describe('diffs with nothing to review spend nothing and say why', () => {
  test.each([
    ['an empty diff', '', []],
    ['binary files only', BINARY, [['logo.png', 'binary']]],
    ['a pure rename', RENAME, [['new/name.ts', 'no content change']]],
    ['a submodule pointer only', SUBMODULE, [['vendor/lib', 'submodule pointer']]],
  ])('%s', async (_name, diff, skipped) => {
    const forge = memoryForge(diff);
    const model = scriptedModel(noFindings);
    const result = await run({ config: config(), forge, model: model.client, log: silent });
    expect(model.calls).toHaveLength(0);
    expect(result.report.status).toBe('nothing-to-review');
    expect(result.report.skipped.map((s) => [s.path, s.reason])).toEqual(skipped);
    expect(forge.comments[0]!.body).toMatch(/nothing to review/);
  });
});

describe('awkward content is reviewed safely', () => {
  test('text that was not UTF-8 (decoded with replacement characters) is reviewed without error', async () => {
    const latin1 = ['const café = "Gr\uFFFD\uFFFDe";', 'const naïve = "\uFFFD";', 'return café;'];
    const forge = memoryForge(addedFile('src/legacy.ts', latin1));
    const model = scriptedModel(noFindings);
    const result = await run({ config: config(), forge, model: model.client, log: silent });
    expect(result.report.status).toBe('reviewed');
    expect(model.calls[0]!.request.user.map((b) => b.text).join('')).toContain('Gr\uFFFD\uFFFDe');
  });

  test('one huge single-line file cannot break the ceiling; it is left out with a reason', async () => {
    const huge = `export const blob = "${'x'.repeat(600_000)}";`;
    const forge = memoryForge(
      addedFile('src/generated-blob.ts', [huge]) + addedFile('src/app.ts', ['export const a = 1;']),
    );
    const model = scriptedModel(noFindings);
    const ceiling = 100_000;
    const result = await run({
      config: config({ 'max-tokens-per-run': String(ceiling) }),
      forge,
      model: model.client,
      log: silent,
    });
    const billed = result.report.usage.input + result.report.usage.output;
    expect(billed).toBeLessThanOrEqual(ceiling);
    for (const call of model.calls)
      expect(call.request.user.map((b) => b.text).join('')).not.toContain('x'.repeat(1000));
    const left = result.report.skipped.find((s) => s.path === 'src/generated-blob.ts');
    expect(left?.reason).toMatch(/too long|token ceiling/);
    expect(result.report.reviewed.map((f) => f.path)).toContain('src/app.ts');
  });
});
