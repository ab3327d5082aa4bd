/**
 * A conservative token count for text when the endpoint cannot count (gateways, dry runs).
 * Claude's tokenizer averages 3.5–4 characters a token on code and English; counting one
 * token per 3 UTF-16 units, plus one per line break, over-counts rather than under-counts.
 */
export function estimateTokens(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) breaks++;
  return Math.ceil(text.length / 3) + breaks;
}
