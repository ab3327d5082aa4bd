/**
 * Structured output through `output_config.format` (JSON outputs): the model's answer is the
 * JSON text of its text blocks. Forced tool use (`tool_choice: {type: 'tool'}`) is refused
 * with a 400 by Claude Sonnet 5.5 and Opus 5.5, so no request carries tools or tool_choice.
 */
import { partialParse } from '@anthropic-ai/sdk/_vendor/partial-json-parser/parser';
import type { MessageStream } from '@anthropic-ai/sdk/lib/MessageStream';
import type { JSONOutputFormat, Message } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Usage } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ModelReply, TokenUsage } from '../ports.js';

/** The `output_config` that constrains the reply to `schema`. */
export function toOutputConfig(schema: Record<string, unknown>): { format: JSONOutputFormat } {
  return { format: { type: 'json_schema', schema } };
}

/**
 * The structured answer of a final message: the text blocks joined (thinking and any other
 * blocks ignored) and parsed as JSON. When that fails (a reply cut by `max_tokens`), what is
 * complete is salvaged with the SDK's partial JSON parser, so whole findings survive a cut.
 * Null when there is no text or nothing of it parses.
 */
export function readStructuredOutput(message: Pick<Message, 'content'>): unknown {
  const text = message.content
    .map((block) => (block.type === 'text' ? block.text : ''))
    .join('')
    .trim();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Cut short, or not JSON at all.
  }
  try {
    const partial = partialParse(text);
    return partial === undefined ? null : partial;
  } catch {
    return null;
  }
}

/**
 * The reply of a streamed call: the structured answer and the billed usage. Usage seen while
 * streaming is kept in `context`, so a call cut midway still reports what it had consumed.
 */
export async function finishStream(stream: MessageStream, context: { usage?: TokenUsage }): Promise<ModelReply> {
  stream.on('streamEvent', (_event, snapshot) => {
    context.usage = toTokenUsage(snapshot.usage);
  });
  const message = await stream.finalMessage();
  const stopReason = message.stop_reason ?? null;
  return {
    output: readStructuredOutput(message),
    stopReason,
    usage: toTokenUsage(message.usage),
    ...(stopReason === 'max_tokens' && endedInThinking(message) ? { cutInThinking: true } : {}),
  };
}

/**
 * Whether a reply wrote no answer text after its thinking: the blocks are read by type, so a
 * thinking or redacted_thinking block with no text after it is a reply cut while thinking.
 */
export function endedInThinking(message: Pick<Message, 'content'>): boolean {
  const types = message.content.map((b) => b.type);
  const lastThinking = Math.max(types.lastIndexOf('thinking'), types.lastIndexOf('redacted_thinking'));
  if (lastThinking < 0) return false;
  return !message.content.slice(lastThinking + 1).some((b) => b.type === 'text' && b.text.trim() !== '');
}

/** Billed tokens of a message, as the API's `usage` reports them. */
export function toTokenUsage(usage: Usage): TokenUsage {
  return {
    input: usage.input_tokens ?? 0,
    output: usage.output_tokens ?? 0,
    cacheWrite: usage.cache_creation_input_tokens ?? 0,
    cacheRead: usage.cache_read_input_tokens ?? 0,
  };
}
