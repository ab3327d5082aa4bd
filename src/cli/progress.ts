import type { ModelClient, ModelRequest } from '../ports.js';
import { isVerifyRequest } from '../review/verify-prompt.js';

/**
 * Which part of a review a request is, read from the scope line that opens its last user
 * block (`This is part 2 of 5 of the diff …`). Only the start of that block is read: the
 * diff and description that follow are the pull request's text, which could say anything.
 */
export function partOf(request: ModelRequest): { index: number; count: number } | null {
  const last = request.user.at(-1)?.text ?? '';
  const m = /^This is part (\d+) of (\d+) of the diff/.exec(last);
  return m ? { index: Number(m[1]), count: Number(m[2]) } : null;
}

export type Progress = { done: number; count: number; latest: number; verifying: boolean };

/** What the status line says about the model calls so far. */
export function describeProgress(p: Progress): string {
  if (p.verifying) return 'Checking the findings';
  const done = p.count > 1 && p.done > 0 ? ` (${p.done} done)` : '';
  return `Reviewing part ${p.latest} of ${p.count}${done}`;
}

/**
 * The model client with a report of each review call as it starts and ends, for the status
 * line. Requests and answers pass through unchanged.
 */
export function reportingParts(client: ModelClient, onChange: (p: Progress) => void): ModelClient {
  const state: Progress = { done: 0, count: 1, latest: 0, verifying: false };
  return {
    listModels: () => client.listModels(),
    countTokens: (request) => client.countTokens(request),
    async complete(request, maxTokens) {
      const part = partOf(request);
      if (isVerifyRequest(request)) state.verifying = true;
      else if (part) {
        state.count = Math.max(state.count, part.count);
        state.latest = Math.max(state.latest, part.index);
      } else state.latest = 1;
      onChange({ ...state });
      try {
        return await client.complete(request, maxTokens);
      } finally {
        if (!state.verifying) state.done++;
        onChange({ ...state });
      }
    },
  };
}
