/**
 * The verification pass: every candidate finding gets a second look by a separate call that
 * sees the finding and the code it is on, under the rule "confirm only what the code shows;
 * when in doubt, reject". Calls go through the run's ledger, so the ceiling stays exact; what
 * the ceiling cannot pay to verify is returned as unverified with the reason, never dropped.
 */
import { callWithinCeiling, sizeInput } from '../llm/guarded-call.js';
import type { UsageLedger } from '../llm/ledger.js';
import { MIN_ANSWER_ROOM, minOutputFor, thinkingCapability, THINKING_ROOM, thinkingCutNote } from '../llm/thinking.js';
import type { Effort, ModelClient } from '../ports.js';
import type { Finding } from './findings.js';
import { severityRank } from './severity.js';
import {
  buildVerifyRequest,
  verdictAnswerTokens,
  readVerdicts,
  type Candidate,
  type CandidateCode,
  type Verdict,
} from './verify-prompt.js';

/** Candidates per verification call: enough to share the prompt, few enough that each gets attention. */
export const VERIFY_BATCH = 6;
/** Default `min-confidence`: a confirmed finding below it is listed, not posted. */
export const DEFAULT_MIN_CONFIDENCE = 70;
/** The verifier's effort when none is given: a check is worth some thinking, not the most. */
export const DEFAULT_VERIFY_EFFORT: Effort = 'medium';
/** Input tokens of the verifier's instructions and framing, per call. */
export const VERIFY_PROMPT_TOKENS = 700;
/** Input tokens one candidate takes: the finding, its hunk and a little context. */
export const CANDIDATE_INPUT_TOKENS = 900;

/**
 * How many findings to expect from a change of `changedLines`, for reserving the verification
 * share before the review is planned: about one per 40 changed lines, at least 3, at most
 * `maxComments` (what could be posted anyway) and never fewer than 1.
 */
export function expectedFindings(changedLines: number, maxComments: number): number {
  return Math.max(1, Math.min(Math.max(maxComments, 1), Math.max(3, Math.ceil(changedLines / 40))));
}

/**
 * The tokens the planner reserves for verification before it plans the review parts: per batch
 * of VERIFY_BATCH expected findings, the prompt and the candidates' input (with the ledger's
 * counting margin) plus the least answer room the call will reserve (`minOutputFor`: the answer,
 * plus the lowest effort's thinking on a model that always thinks). An estimate: what the calls
 * really bill is settled in the ledger, and what is not needed stays for later calls.
 */
export function verificationShare(args: { expectedFindings: number; model: string; inputMargin?: number }): number {
  const margin = args.inputMargin ?? 0.12;
  let tokens = 0;
  for (let left = args.expectedFindings; left > 0; left -= VERIFY_BATCH) {
    const n = Math.min(VERIFY_BATCH, left);
    const input = Math.ceil((VERIFY_PROMPT_TOKENS + n * CANDIDATE_INPUT_TOKENS) * (1 + margin)) + 8;
    tokens += input + minOutputFor(args.model, verdictAnswerTokens(n));
  }
  return tokens;
}

export type RejectedFinding = { finding: Finding; verdict: Verdict['verdict']; reason: string; confidence: number };
export type UnverifiedFinding = { finding: Finding; reason: string };

export type Verified = {
  /** Confirmed at or above `minConfidence`: posted inline. */
  confirmed: Finding[];
  /** Rejected, uncertain, or confirmed below `minConfidence`: listed with the reason. */
  rejected: RejectedFinding[];
  /** No verdict at all (no call fitted, or it failed): posted marked unverified, with the reason. */
  unverified: UnverifiedFinding[];
};

/** The id a finding is known by in the verification prompt: `f1`, `f2`, … by its index. */
export function candidateId(index: number): string {
  return `f${index + 1}`;
}

/**
 * Sorts findings by their verdicts. `verdicts` name findings by `candidateId(index)`; a finding
 * with no verdict is unverified (`unverifiedReason` says why). Pure.
 */
export function applyVerdicts(
  findings: Finding[],
  verdicts: Verdict[],
  minConfidence: number,
  unverifiedReason = 'it was not verified',
): Verified {
  const byId = new Map(verdicts.map((v) => [v.id, v]));
  const out: Verified = { confirmed: [], rejected: [], unverified: [] };
  findings.forEach((finding, i) => {
    const v = byId.get(candidateId(i));
    if (!v) out.unverified.push({ finding, reason: unverifiedReason });
    else if (v.verdict === 'confirmed' && v.confidence >= minConfidence) out.confirmed.push(finding);
    else {
      const reason =
        v.verdict === 'confirmed'
          ? `Confirmed with confidence ${v.confidence}, below ${minConfidence}: ${v.reason}`
          : v.reason;
      out.rejected.push({ finding, verdict: v.verdict, reason, confidence: v.confidence });
    }
  });
  return out;
}

export type VerifyArgs = {
  client: ModelClient;
  ledger: UsageLedger;
  /** The verifier's model id (see `verifierTier`). */
  model: string;
  findings: Finding[];
  /** The code each finding is on (its hunk, context text); see `hunkFor` in verify-prompt.ts. */
  code: (finding: Finding, index: number) => CandidateCode;
  minConfidence: number;
  /** How hard the verifier thinks (default DEFAULT_VERIFY_EFFORT). */
  effort?: Effort;
  /** Most `max_tokens` per call (the `max-output-tokens` input and the model's limit). */
  maxOutput?: number;
  /** The run's untrusted-data tag (cached prefix shared with the review). */
  tag?: string;
  batchSize?: number;
};

export type VerifyOutcome = Verified & {
  verdicts: Verdict[];
  calls: number;
  /** For the summary: what could not be verified and why, problems with the answers. */
  notes: string[];
};

/**
 * Verifies `findings` in batches, most severe first (so that a tight ceiling verifies what
 * matters most), one call per batch through `callWithinCeiling`. A batch that does not fit, fails,
 * or gets no answer leaves its findings unverified with the reason; later batches still try.
 */
export async function verifyFindings(args: VerifyArgs): Promise<VerifyOutcome> {
  const size = Math.max(1, args.batchSize ?? VERIFY_BATCH);
  const order = args.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || a.i - b.i);
  const verdicts: Verdict[] = [];
  const why = new Map<number, string>();
  const notes: string[] = [];
  let calls = 0;
  for (let start = 0; start < order.length; start += size) {
    const batch = order.slice(start, start + size);
    const candidates: Candidate[] = batch.map(({ f, i }) => ({
      id: candidateId(i),
      finding: f,
      code: args.code(f, i),
    }));
    const reason = await verifyBatch(args, candidates, verdicts, notes);
    if (reason !== 'answered') for (const { i } of batch) why.set(i, reason);
    if (reason !== 'answered' && reason.startsWith('the token ceiling')) continue;
    calls++;
  }
  const result = applyVerdicts(args.findings, verdicts, args.minConfidence);
  // Each unverified finding carries the reason of its own batch.
  result.unverified = result.unverified.map((u) => ({
    ...u,
    reason: why.get(args.findings.indexOf(u.finding)) ?? u.reason,
  }));
  if (result.unverified.length > 0) {
    notes.push(
      `${result.unverified.length} finding(s) could not be verified and are posted marked unverified: ${[...new Set(why.values())].join('; ')}.`,
    );
  }
  return { ...result, verdicts, calls, notes };
}

/** One call; returns 'answered' (its verdicts pushed) or why its candidates stay unverified. */
async function verifyBatch(
  args: VerifyArgs,
  candidates: Candidate[],
  verdicts: Verdict[],
  notes: string[],
): Promise<string> {
  const request = buildVerifyRequest({
    model: args.model,
    candidates,
    ...(args.tag ? { tag: args.tag } : {}),
    effort: args.effort ?? DEFAULT_VERIFY_EFFORT,
  });
  const answer = request.answerTokens ?? verdictAnswerTokens(candidates.length);
  // Room to think at the asked effort (the adapter lowers it when the reservation is smaller).
  const thinking = thinkingCapability(args.model).adaptive ? THINKING_ROOM[args.effort ?? DEFAULT_VERIFY_EFFORT] : 0;
  const maxOutput = Math.min(args.maxOutput ?? Infinity, Math.max(answer, MIN_ANSWER_ROOM) + thinking);
  const minOutput = Math.min(minOutputFor(args.model, answer), maxOutput);
  try {
    // Counted exactly only when the estimate would not leave the call its whole answer room.
    const input = await sizeInput(args.client, args.ledger, request, maxOutput);
    const result = await callWithinCeiling(args.client, args.ledger, request, input, { maxOutput, minOutput });
    if (result.kind === 'does-not-fit') {
      return `the token ceiling left no room to verify them (${result.remaining} tokens left, ${args.ledger.inputBound(result.inputTokens) + minOutput} needed)`;
    }
    const cut = thinkingCutNote(result.reply, result.maxTokens);
    if (cut) return 'the verifier spent its whole answer room thinking';
    if (result.reply.stopReason === 'refusal') return 'the verifier declined to answer';
    if (result.reply.output === null) return 'the verifier gave no answer';
    const read = readVerdicts(
      result.reply.output,
      candidates.map((c) => c.id),
    );
    notes.push(...read.problems.map((p) => `Verification: ${p}.`));
    verdicts.push(...read.verdicts);
    return 'answered';
  } catch (error) {
    return `the verification call failed (${error instanceof Error ? error.message : String(error)})`;
  }
}
