const ZWSP = '\u200b';

function neutralizeProse(text: string): string {
  return (
    text
      // An HTML comment could hide text or imitate the action's own markers.
      .replace(/<!--/g, '&lt;!--')
      // @user and @org/team would notify people; a zero-width space keeps the text readable.
      .replace(/(^|[^\p{L}\p{N}_`.+-])@(?=[A-Za-z0-9-])/gu, `$1@${ZWSP}`)
      // #123 and owner/repo#123 would cross-reference (and notify) other issues.
      .replace(/([\w.-]+\/[\w.-]+)#(?=\d)/g, `$1#${ZWSP}`)
      .replace(/(^|[^\w&/])#(?=\d)/g, `$1#${ZWSP}`)
  );
}

/**
 * Stops model text from pinging people or linking issues. Code (fenced blocks and inline
 * spans) is left exactly as written, because forges do not link inside code and a
 * suggestion must stay byte-for-byte.
 */
export function neutralizeMentions(text: string): string {
  const parts = text.split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g);
  return parts.map((part, i) => (i % 2 === 1 ? part : neutralizeProse(part))).join('');
}
