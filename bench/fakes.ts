import { memoryForge } from '../__tests__/support/memory-forge.js';
import type {
  ForgeClient,
  ModelClient,
  ModelDescriptor,
  ModelReply,
  ModelRequest,
  PullRequest,
  TokenUsage,
} from '../src/ports.js';
import { requestText } from '../src/review/prompt.js';

/** The benchmark's PR: a realistic title and a description of a few sentences. */
export const BENCH_PR: PullRequest = {
  number: 42,
  title: 'Refactor the order pipeline and add retry handling',
  body: [
    'This moves order validation into its own module, adds retries with backoff around the payment',
    'client and updates the tests. Config files gain a `retries` section; docs describe it.',
    '',
    'Closes #41.',
  ].join('\n'),
  author: 'octocat',
  draft: false,
  headSha: 'a'.repeat(40),
  baseSha: 'b'.repeat(40),
  baseRef: 'main',
  htmlUrl: 'https://example.test/o/r/pull/42',
};

/** The tests' in-memory forge, serving one diff and keeping whatever is posted. */
export function benchForge(diff: string): ForgeClient {
  return memoryForge(diff, BENCH_PR);
}

export const MODEL_ID = 'claude-sonnet-5-5';

export const CATALOGUE: ModelDescriptor[] = [
  {
    id: MODEL_ID,
    line: 'sonnet',
    active: true,
    createdAt: '2026-06-01T00:00:00Z',
    maxInputTokens: 1_000_000,
    maxOutputTokens: 128_000,
  },
];

export type BenchCall = { request: ModelRequest; maxTokens: number; usage: TokenUsage };

/** Tokens of a request as this fake counts and bills them: every character sent (schema included) / 4. */
export function charsOver4(req: ModelRequest): number {
  return Math.ceil(requestText(req).length / 4);
}

const ANSWER = {
  summary:
    'The change moves order validation into its own module and wraps the payment client in retries. ' +
    'The structure is sound; no blocking problems were found in this part.',
  findings: [],
};

/**
 * A model whose `countTokens` is chars/4 and whose bill is exactly that count plus a short
 * answer; `complete` waits `latencyMs(inputTokens)` first, like a real endpoint. `serial`
 * makes the endpoint answer one call at a time, so the same plan runs one part after another.
 */
export function benchModel(latencyMs: (inputTokens: number) => number, serial = false) {
  const calls: BenchCall[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const client: ModelClient = {
    listModels: async () => CATALOGUE,
    countTokens: async (req) => charsOver4(req),
    async complete(request, maxTokens): Promise<ModelReply> {
      const input = charsOver4(request);
      const wait = latencyMs(input);
      const sleep = () => new Promise((resolve) => setTimeout(resolve, wait));
      if (serial) {
        const turn = queue.then(sleep);
        queue = turn;
        await turn;
      } else if (wait > 0) await sleep();
      const usage: TokenUsage = {
        input,
        output: Math.min(maxTokens, Math.ceil(JSON.stringify(ANSWER).length / 4)),
        cacheWrite: 0,
        cacheRead: 0,
      };
      calls.push({ request, maxTokens, usage });
      return { output: ANSWER, stopReason: 'tool_use', usage };
    },
  };
  return { client, calls };
}
