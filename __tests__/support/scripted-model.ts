import type { ModelClient, ModelDescriptor, ModelReply, ModelRequest, TokenUsage } from '../../src/ports.js';

export const CATALOGUE: ModelDescriptor[] = [
  {
    id: 'claude-haiku-9',
    line: 'haiku',
    active: true,
    createdAt: '2026-06-01T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
  },
  {
    id: 'claude-haiku-8',
    line: 'haiku',
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
  },
  {
    id: 'claude-sonnet-9',
    line: 'sonnet',
    active: true,
    createdAt: '2026-06-01T00:00:00Z',
    maxInputTokens: 1_000_000,
    maxOutputTokens: 128_000,
  },
  {
    id: 'claude-opus-9',
    line: 'opus',
    active: true,
    createdAt: '2026-06-01T00:00:00Z',
    maxInputTokens: 1_000_000,
    maxOutputTokens: 128_000,
  },
];

export type ScriptedCall = { request: ModelRequest; maxTokens: number };

/**
 * A model that answers from a script. Input is "counted" as characters / 4 and billed at that
 * count; output is billed as the JSON length / 4, never above max_tokens.
 */
export function scriptedModel(
  answer: (req: ModelRequest) => unknown,
  opts: { catalogue?: ModelDescriptor[] | null; canCount?: boolean } = {},
) {
  const calls: ScriptedCall[] = [];
  const counts: ModelRequest[] = [];
  const inputOf = (req: ModelRequest) =>
    Math.ceil([...req.system, ...req.user].reduce((n, b) => n + b.text.length, 0) / 4);
  const client: ModelClient = {
    async listModels() {
      return opts.catalogue === undefined ? CATALOGUE : opts.catalogue;
    },
    async countTokens(req) {
      counts.push(req);
      return opts.canCount === false ? null : inputOf(req);
    },
    async complete(request, maxTokens): Promise<ModelReply> {
      calls.push({ request, maxTokens });
      const output = answer(request);
      const usage: TokenUsage = {
        input: inputOf(request),
        output: Math.min(maxTokens, Math.ceil(JSON.stringify(output).length / 4)),
        cacheWrite: 0,
        cacheRead: 0,
      };
      return { output, stopReason: 'tool_use', usage };
    },
  };
  return { client, calls, counts };
}
