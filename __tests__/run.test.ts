import { describe, expect, test } from '@jest/globals';
import { readConfig, type Config } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import type { ModelRequest } from '../src/ports.js';
import { run } from '../src/run.js';
import { decodeState, SUMMARY_MARKER } from '../src/state/marker.js';
import { addedFile, codeLines, editedFile } from './support/diffs.js';
import { memoryForge } from './support/memory-forge.js';
import { scriptedModel } from './support/scripted-model.js';

const silent = { info: () => {}, warning: () => {} };

function config(inputs: Partial<Record<InputName, string>> = {}): Config {
  return readConfig((name) => inputs[name] ?? '');
}

const twoFindings = () => ({
  summary: 'Adds a helper.',
  findings: [
    { path: 'src/a.ts', line: 2, side: 'RIGHT', severity: 'high', title: 'Off by one', body: 'Loop ends early.' },
    { path: 'src/a.ts', line: 999, side: 'RIGHT', severity: 'medium', title: 'Elsewhere', body: 'Not in the diff.' },
  ],
});

describe('run', () => {
  test('posts one review with the anchorable finding inline and the other in the summary', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(5)));
    const model = scriptedModel(twoFindings);
    const result = await run({ config: config(), forge, model: model.client, log: silent });

    expect(forge.reviews).toHaveLength(1);
    expect(forge.reviews[0]!.comments).toEqual([expect.objectContaining({ path: 'src/a.ts', line: 2, side: 'RIGHT' })]);
    expect(forge.reviews[0]!.commitId).toBe(forge.pr.headSha);
    expect(forge.comments).toHaveLength(1);
    const summary = forge.comments[0]!.body;
    expect(summary).toContain(SUMMARY_MARKER);
    expect(summary).toContain('Elsewhere');
    expect(summary).toContain('src/a.ts:999');
    expect(result.report.status).toBe('reviewed');
    expect(decodeState(summary).reviewedSha).toBe(forge.pr.headSha);
  });

  test('a second run edits the summary in place and adds to the recorded usage', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(5)));
    const model = scriptedModel(twoFindings);
    await run({ config: config(), forge, model: model.client, log: silent });
    const first = forge.comments[0]!.id;
    forge.pr = { ...forge.pr, headSha: 'c'.repeat(40) };
    await run({ config: config(), forge, model: model.client, log: silent });

    expect(forge.comments).toHaveLength(1);
    expect(forge.comments[0]!.id).toBe(first);
    const state = decodeState(forge.comments[0]!.body);
    expect(state.reviewedSha).toBe('c'.repeat(40));
    expect(state.runs).toHaveLength(2);
  });

  test.each([
    [50, 'claude-haiku-9', 'small'],
    [600, 'claude-sonnet-9', 'medium'],
    [2000, 'claude-opus-9', 'large'],
  ])('%i changed lines use %s (%s tier)', async (lines, modelId, tier) => {
    const forge = memoryForge(addedFile('src/big.ts', codeLines(lines)));
    const model = scriptedModel(() => ({ summary: 'ok', findings: [] }));
    const result = await run({
      config: config({ 'max-tokens-per-run': '500000' }),
      forge,
      model: model.client,
      log: silent,
    });

    expect(model.calls.length).toBeGreaterThanOrEqual(1);
    for (const call of model.calls) expect(call.request.model).toBe(modelId);
    expect(result.report.tier).toBe(tier);
  });

  test('the model input forces one model whatever the size', async () => {
    const forge = memoryForge(addedFile('src/big.ts', codeLines(2000)));
    const model = scriptedModel(() => ({ summary: 'ok', findings: [] }));
    await run({
      config: config({ model: 'haiku', 'max-tokens-per-run': '500000' }),
      forge,
      model: model.client,
      log: silent,
    });
    expect(model.calls[0]!.request.model).toBe('claude-haiku-9');
  });

  test('max_tokens is clamped so counted input plus output stays under the ceiling', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(200)));
    const model = scriptedModel(() => ({ summary: 'ok', findings: [] }));
    const ceiling = 6_000;
    const result = await run({
      config: config({ 'max-tokens-per-run': String(ceiling) }),
      forge,
      model: model.client,
      log: silent,
    });

    const input = await model.client.countTokens(model.calls[0]!.request);
    expect(input! + model.calls[0]!.maxTokens).toBeLessThanOrEqual(ceiling);
    expect(model.calls[0]!.maxTokens).toBeLessThan(8192);
    expect(result.report.usage.input + result.report.usage.output).toBeLessThanOrEqual(ceiling);
  });

  test('when even the smallest useful review does not fit, the summary says so and nothing is spent', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(400)));
    const model = scriptedModel(() => ({ summary: 'ok', findings: [] }));
    const result = await run({
      config: config({ 'max-tokens-per-run': '2000' }),
      forge,
      model: model.client,
      log: silent,
    });

    expect(model.calls).toHaveLength(0);
    expect(forge.reviews).toHaveLength(0);
    expect(result.report.status).toBe('over-ceiling');
    expect(forge.comments[0]!.body).toMatch(/not run, the token ceiling is too low/);
    expect(forge.comments[0]!.body).toMatch(/max-tokens-per-run/);
    expect(result.report.usage.input).toBe(0);
  });

  test('a PR that only touches excluded files spends nothing and lists them as left out', async () => {
    const forge = memoryForge(addedFile('package-lock.json', ['{', '}']) + addedFile('dist/index.js', ['x']));
    const model = scriptedModel(() => ({ summary: 'ok', findings: [] }));
    const result = await run({ config: config(), forge, model: model.client, log: silent });

    expect(model.calls).toHaveLength(0);
    expect(result.report.status).toBe('nothing-to-review');
    expect(forge.comments[0]!.body).toContain('package-lock.json');
    expect(forge.comments[0]!.body).toContain('lock file');
  });

  test('without a model client it is a dry run: nothing posted, the plan in the summary', async () => {
    const forge = memoryForge(editedFile('src/a.ts', 40, 10, 12));
    const result = await run({ config: config(), forge, model: null, log: silent });

    expect(forge.reviews).toHaveLength(0);
    expect(forge.comments).toHaveLength(0);
    expect(result.report.status).toBe('dry-run');
    expect(result.summaryMarkdown).toContain('claude-haiku-5-5');
    expect(result.summaryMarkdown).toMatch(
      /Dry run: one call to `claude-haiku-5-5` with ~[\d,]+ input tokens \(estimated\)/,
    );
  });

  test('the diff reaches the model with new-file line numbers, inside the untrusted-data wrapper', async () => {
    const forge = memoryForge(editedFile('src/a.ts', 40, 10, 10));
    let seen: ModelRequest | null = null;
    const model = scriptedModel((req) => {
      seen = req;
      return { summary: 'ok', findings: [] };
    });
    await run({ config: config(), forge, model: model.client, log: silent });
    const user = seen!.user.map((b) => b.text).join('\n');
    expect(user).toMatch(/<untrusted-diff-[0-9a-f]{16}>/);
    expect(user).toMatch(/10 \+ line 10 changed/);
    expect(user).toMatch(/L10 - line 10/);
  });

  test('no findings: no empty review, and the summary says so', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(3)));
    const model = scriptedModel(() => ({ summary: 'Looks fine.', findings: [] }));
    await run({ config: config(), forge, model: model.client, log: silent });
    expect(forge.reviews).toHaveLength(0);
    expect(forge.comments[0]!.body).toContain('No problems found.');
  });

  test('request-changes-on-critical requests changes only for a critical finding', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(5)));
    const model = scriptedModel(() => ({
      summary: 's',
      findings: [{ path: 'src/a.ts', line: 1, side: 'RIGHT', severity: 'critical', title: 'SQL injection', body: 'b' }],
    }));
    await run({
      config: config({ 'review-event': 'request-changes-on-critical' }),
      forge,
      model: model.client,
      log: silent,
    });
    expect(forge.reviews[0]!.event).toBe('REQUEST_CHANGES');
  });
});
