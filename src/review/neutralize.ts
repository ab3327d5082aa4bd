const ZWSP = '\u200b';

export type NeutralizeOptions = {
  /** Host of the forge the text is posted on (from the pull request's URL): links there stay links. */
  forgeHost?: string | null;
};

/** The host of a URL, lower-cased, or null when it is not an absolute http(s) URL. */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** A URL the reader may follow as a link: one on the forge's own host (or relative, which stays there). */
function onForge(url: string, forgeHost: string | null | undefined): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) return true;
  const host = hostOf(url);
  return host !== null && forgeHost != null && host === forgeHost.toLowerCase();
}

/** Shown as text, not as a link or an image source: inside a code span, with its backticks made harmless. */
function asText(url: string): string {
  return `\`${url.replace(/`/g, "'")}\``;
}

// An image, a link, or a bare URL (which forges turn into links), in one pass so a link's URL is not seen twice.
const LINKISH = /(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"\n]*")?\s*\)|\bhttps?:\/\/[^\s<>()`"']+/gi;

function neutralizeProse(text: string, opts: NeutralizeOptions): string {
  return (
    text
      // An HTML comment could hide text or imitate the action's own markers; raw HTML could
      // load images (on Gitea straight from the reader's browser: a tracking pixel) or fake UI.
      .replace(/<!--/g, '&lt;!--')
      .replace(/-->/g, '--&gt;')
      .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
      // Reference-style link or image definitions (`[x]: https://…`) would turn `[x]` into a link.
      .replace(/^(\s{0,3})\[([^\]\n]+)\]:/gm, '$1\\[$2]:')
      .replace(LINKISH, (whole: string, bang?: string, label?: string, url?: string) => {
        if (label === undefined || url === undefined) return onForge(whole, opts.forgeHost) ? whole : asText(whole);
        if (bang) return label.trim() === '' ? '(image)' : `(image: ${label.trim()})`;
        return onForge(url, opts.forgeHost) ? whole : `${label} (${asText(url)})`;
      })
      // @user and @org/team would notify people; a zero-width space keeps the text readable.
      .replace(/(^|[^\p{L}\p{N}_`.+-])@(?=[A-Za-z0-9-])/gu, `$1@${ZWSP}`)
      // #123 and owner/repo#123 would cross-reference (and notify) other issues.
      .replace(/([\w.-]+\/[\w.-]+)#(?=\d)/g, `$1#${ZWSP}`)
      .replace(/(^|[^\w&/])#(?=\d)/g, `$1#${ZWSP}`)
  );
}

/**
 * Breaks HTML comment markers in code, where an entity would show literally: a zero-width
 * space between the characters still reads the same, but no longer opens or closes a comment
 * (nor can it imitate the action's hidden markers).
 */
export function breakMarkers(code: string): string {
  return code.replace(/<!--/g, `<!${ZWSP}--`).replace(/-->/g, `--${ZWSP}>`);
}

/** Whether `code` holds an HTML comment marker, so that it cannot be posted byte for byte. */
export function hasMarker(code: string): boolean {
  return code.includes('<!--') || code.includes('-->');
}

/**
 * Makes model text safe to post: it cannot ping people, link issues, carry an HTML comment
 * (which could imitate the action's own markers), load images or raw HTML, or link off the
 * forge. Code (fenced blocks and inline spans) is left as written, except that comment
 * markers are broken there too: forges do not link, ping or render HTML inside code.
 */
export function neutralize(text: string, opts: NeutralizeOptions = {}): string {
  const parts = text.split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/g);
  return parts.map((part, i) => (i % 2 === 1 ? breakMarkers(part) : neutralizeProse(part, opts))).join('');
}
