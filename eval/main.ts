/**
 * `npm run eval`: the seeded-bug cases through the real pipeline with the real Anthropic API,
 * one pass per tier, then the table. Needs ANTHROPIC_API_KEY; never run in CI (it costs money).
 * EVAL_TIERS picks tiers (default `small,medium,large`); ANTHROPIC_BASE_URL points elsewhere.
 */
import { createAnthropicModelClient } from '../src/llm/anthropic.js';
import { TIERS, type Tier } from '../src/plan/tier.js';
import { CASES } from './cases.js';
import { renderTable, runEval } from './runner.js';

/** Reads the environment; returns the message to print instead when the eval cannot run. */
export function evalSettings(env: NodeJS.ProcessEnv): { apiKey: string; baseUrl?: string; tiers: Tier[] } | string {
  const apiKey = env.ANTHROPIC_API_KEY?.trim() ?? '';
  if (apiKey === '') {
    return 'npm run eval needs a real Anthropic API key: set ANTHROPIC_API_KEY (it calls the API and costs money; it never runs in CI).';
  }
  const wanted = (env.EVAL_TIERS ?? TIERS.join(','))
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const bad = wanted.filter((t) => !(TIERS as readonly string[]).includes(t));
  if (bad.length > 0) return `EVAL_TIERS must list tiers among ${TIERS.join(', ')}; got ${bad.join(', ')}`;
  const baseUrl = env.ANTHROPIC_BASE_URL?.trim();
  return { apiKey, tiers: wanted as Tier[], ...(baseUrl ? { baseUrl } : {}) };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const settings = evalSettings(env);
  if (typeof settings === 'string') {
    process.stderr.write(`${settings}\n`);
    return 2;
  }
  const client = createAnthropicModelClient({
    apiKey: settings.apiKey,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  });
  const results = await runEval({
    client,
    cases: CASES,
    tiers: settings.tiers,
    onCase: (tier, r) => process.stderr.write(`${tier} ${r.name}: ${r.found}/${r.bugs} bugs, ${r.findings} findings\n`),
  });
  process.stdout.write(`${renderTable(results)}\n`);
  return 0;
}

if (process.env.CPR_EVAL_MAIN === '1') {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
