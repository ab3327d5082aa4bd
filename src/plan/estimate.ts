/**
 * A conservative token count for text when the endpoint cannot count (gateways, dry runs).
 * ASCII: Claude's tokenizer averages 3.5–4 characters a token on code and English, so one
 * token per 3 characters plus one per line break over-counts. Other scripts (CJK, emoji) can
 * take a token per character or more, so each non-ASCII character counts as many tokens as
 * its UTF-8 bytes: a byte-level tokenizer never needs more tokens than bytes.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let breaks = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      ascii++;
      if (c === 10) breaks++;
    } else if (c < 0x800) other += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      other += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else other += 3;
  }
  return Math.ceil(ascii / 3) + breaks + other;
}
