import { estimateTokens } from '../plan/estimate.js';
import type { ForgeClient, Logger } from '../ports.js';

/** Most (estimated) tokens the guidelines may add to every call: they are paid for on each one. */
export const GUIDELINES_TOKENS = 4_000;

/** The project's review guidelines as they go into the prompt, and which files they came from. */
export type Guidelines = {
  /** Each file under a `### path` heading, in the order of `guidelines-files`, cut to the budget. */
  text: string;
  /** Files that are in `text`, whole or in part. */
  paths: string[];
  /** Whether something was cut or left out for the budget. */
  cut: boolean;
};

/**
 * The guidelines from the files that exist (`text` null for one that does not), each under a
 * `### path` heading, within `budget` estimated tokens. A file that does not fit whole is cut
 * at a line break, and files after it are left out; a closing note says what is missing. A
 * file with the same text as an earlier one (AGENTS.md as a copy or symlink of CLAUDE.md) is
 * named, not repeated. Null when no file has any text.
 */
export function composeGuidelines(
  files: Array<{ path: string; text: string | null }>,
  budget = GUIDELINES_TOKENS,
): Guidelines | null {
  const present = files.flatMap((f) => (f.text && f.text.trim() !== '' ? [{ path: f.path, text: f.text.trim() }] : []));
  if (present.length === 0) return null;
  const sections: string[] = [];
  const paths: string[] = [];
  const seen = new Map<string, string>();
  let left = budget;
  for (const [i, file] of present.entries()) {
    const same = seen.get(file.text);
    const section = same ? `### ${file.path}\n\n(The same text as ${same}.)` : `### ${file.path}\n\n${file.text}`;
    const cost = estimateTokens(`${section}\n\n`);
    if (cost <= left) {
      sections.push(section);
      paths.push(file.path);
      seen.set(file.text, file.path);
      left -= cost;
      continue;
    }
    const rest = present.slice(i + 1).map((f) => f.path);
    const note = (partial: boolean) =>
      `[Cut to the ${budget.toLocaleString('en-US')}-token limit for guidelines: ` +
      [partial ? `the rest of ${file.path}` : file.path, ...rest].join(', ') +
      ' not shown.]';
    const room = left - estimateTokens(`${note(true)}\n\n`);
    const piece = room > 0 ? cutToTokens(section, room) : '';
    // A heading with a line or two under it helps nobody: leave the file out instead.
    if (piece.length > `### ${file.path}\n\n`.length + 80) {
      sections.push(piece, note(true));
      paths.push(file.path);
    } else sections.push(note(false));
    return { text: sections.join('\n\n'), paths, cut: true };
  }
  return { text: sections.join('\n\n'), paths, cut: false };
}

/** The longest start of `text` within `tokens` estimated tokens, ending at a line break where one is near. */
function cutToTokens(text: string, tokens: number): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (estimateTokens(`${text.slice(0, mid)}\n\n`) <= tokens) lo = mid;
    else hi = mid - 1;
  }
  const piece = text.slice(0, lo);
  const lastBreak = piece.lastIndexOf('\n');
  return (lastBreak > lo * 0.8 ? piece.slice(0, lastBreak) : piece).trimEnd();
}

/**
 * Reads `paths` at the pull request's base commit (the PR cannot write its own review rules)
 * and composes them. A file that cannot be read is left out with a warning: guidelines
 * improve a review, they are not a reason to fail one.
 */
export async function readGuidelines(
  forge: ForgeClient,
  baseSha: string,
  paths: string[],
  log: Logger,
): Promise<Guidelines | null> {
  const files = await Promise.all(
    paths.map(async (path) => ({
      path,
      text: await forge.readFile(path, baseSha).catch((error: unknown) => {
        log.warning(
          `Guidelines file ${path} could not be read and is left out: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      }),
    })),
  );
  const guidelines = composeGuidelines(files);
  if (guidelines) {
    log.info(
      `Guidelines from base ${baseSha.slice(0, 7)}: ${guidelines.paths.join(', ')}${guidelines.cut ? ' (cut to fit)' : ''}.`,
    );
  }
  return guidelines;
}
