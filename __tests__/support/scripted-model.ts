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

/** Whether a request is a verification call (its answer is the verdicts format). */
export function isVerification(request: ModelRequest): boolean {
  return Object.hasOwn((request.outputSchema as { properties?: object }).properties ?? {}, 'verdicts');
}

/** The candidate ids a verification request lists (`{"id":"f1",…}` one per line). */
export function candidateIds(request: ModelRequest): string[] {
  const text = request.user.map((b) => b.text).join('\n');
  return [...text.matchAll(/\{"id":"(f\d+)"/g)].map((m) => m[1]!);
}

/** A verifier that confirms everything it is shown. */
export function confirmAll(ids: string[]) {
  return { verdicts: ids.map((id) => ({ id, verdict: 'confirmed', confidence: 90, reason: 'The code shows it.' })) };
}

/**
 * A model that answers from a script. Input is "counted" as characters / 4 and billed at that
 * count; output is billed as the JSON length / 4, never above max_tokens.
 */
export function scriptedModel(
  answer: (req: ModelRequest) => unknown,
  opts: {
    catalogue?: ModelDescriptor[] | null;
    canCount?: boolean;
    /** The verifier's answer to a verification request (default: every candidate confirmed at 90). */
    verdicts?: (req: ModelRequest, ids: string[]) => unknown;
  } = {},
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
      const ids = isVerification(request) ? candidateIds(request) : null;
      const scripted = ids && opts.verdicts ? opts.verdicts(request, ids) : answer(request);
      // A review script asked to verify: the default verifier confirms everything.
      const gave = Array.isArray((scripted as { verdicts?: unknown } | null)?.verdicts);
      const output = ids && !gave ? confirmAll(ids) : scripted;
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
