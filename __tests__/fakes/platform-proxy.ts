/**
 * What the fake Bedrock and Vertex AI endpoints share: both put a platform's wire in front of
 * the fake Anthropic API (which scripts the model, bills usage and injects faults), so a test
 * of a platform gets the same model behaviour as a test of the Anthropic API.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeAnthropic } from './anthropic-server.js';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export type SseEvent = { event: string; data: unknown };

/** The backend's answer to one forwarded call: JSON, or the SSE events as they arrive. */
export type Forwarded =
  { kind: 'json'; status: number; body: unknown } | { kind: 'stream'; status: number; events: AsyncIterable<SseEvent> };

/**
 * Sends a Messages (or count_tokens) body to the fake Anthropic API. A stream that the
 * backend cuts makes the iterator throw, so the caller can cut its own reply the same way.
 */
export async function forward(
  backend: FakeAnthropic,
  path: '/v1/messages' | '/v1/messages/count_tokens',
  body: unknown,
  apiKey: string,
): Promise<Forwarded> {
  const response = await fetch(`${backend.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' },
    body: JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || !response.body) {
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // A plain-text body (the backend's 404 for a missing route) stays text.
    }
    return { kind: 'json', status: response.status, body: parsed };
  }
  const stream = response.body;
  async function* events(): AsyncGenerator<SseEvent> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data !== undefined) yield { event, data: JSON.parse(data) as unknown };
      }
    }
  }
  return { kind: 'stream', status: response.status, events: events() };
}

/** The `error.message` of an Anthropic error body, or the body as text. */
export function errorMessage(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? message : typeof body === 'string' ? body : JSON.stringify(body);
}
