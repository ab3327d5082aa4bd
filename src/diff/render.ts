import type { DiffFile, DiffLine } from './types.js';

/**
 * How `renderFileForPrompt` output reads, in words the prompt can hand to the model as is.
 */
export const PROMPT_FORMAT_NOTE =
  'Each file starts with `## path` (plus notes such as "renamed from x" and [+added -deleted] counts); ' +
  '`@@` lines start a new hunk. Every code line is `<number> <op> <code>`: `+` (added) and ` ` (unchanged) ' +
  'lines carry the NEW file line number, to cite with side RIGHT; `-` (deleted) lines carry the OLD file ' +
  'line number written with an `L` prefix (e.g. `L17 - x`), to cite with side LEFT and line 17. ' +
  'A multi-line finding (start_line..line) must stay on one side and inside one `@@` hunk.';

/**
 * Renders one file as compact text for the model:
 *
 * ```
 * ## src/a.ts (renamed from src/b.ts) [+2 -1]
 * @@ function foo
 *  10   const a = 1;
 * L11 - const b = 2;
 *  11 + const b = 3;
 *  12 + const c = 4;
 * ```
 *
 * Added and context lines show their new-file number (side RIGHT); deleted lines show their
 * old-file number behind an `L` (side LEFT). Numbers are right-aligned per file so the code
 * column lines up, which costs a few spaces but keeps indentation readable.
 * See {@link PROMPT_FORMAT_NOTE}.
 */
export function renderFileForPrompt(file: DiffFile): string {
  const out = [renderHeader(file)];
  let width = 1;
  for (const h of file.hunks) {
    // A side with no lines (an added or deleted file) prints no numbers, so it sets no width.
    if (h.oldLines > 0) width = Math.max(width, String(h.oldStart + h.oldLines - 1).length);
    if (h.newLines > 0) width = Math.max(width, String(h.newStart + h.newLines - 1).length);
  }
  for (const h of file.hunks) {
    out.push(h.section ? `@@ ${h.section}` : '@@');
    const lastOld = lastIndex(h.lines, (l) => l.kind !== 'add');
    const lastNew = lastIndex(h.lines, (l) => l.kind !== 'del');
    h.lines.forEach((line, i) => {
      out.push(renderLine(line, width));
      const noEol = (h.oldNoNewlineAtEnd && i === lastOld) || (h.newNoNewlineAtEnd && i === lastNew);
      if (noEol) out.push('\\ no newline at end of file');
    });
  }
  return out.join('\n');
}

function renderHeader(file: DiffFile): string {
  const notes: string[] = [];
  if (file.oldPath !== null) notes.push(`${file.status === 'copied' ? 'copied' : 'renamed'} from ${file.oldPath}`);
  if (file.status === 'added' || file.status === 'deleted') notes.push(file.status);
  if (file.modeChange) notes.push(`mode ${file.modeChange.old} → ${file.modeChange.new}`);
  if (file.submodule) notes.push('submodule');
  if (file.binary) notes.push('binary');
  const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
  return `## ${file.path}${suffix} [+${file.additions} -${file.deletions}]`;
}

function renderLine(line: DiffLine, width: number): string {
  switch (line.kind) {
    case 'add':
      return `${String(line.newLine).padStart(width + 1)} + ${line.text}`;
    case 'context':
      return `${String(line.newLine).padStart(width + 1)}   ${line.text}`;
    case 'del':
      return `L${String(line.oldLine).padStart(width)} - ${line.text}`;
  }
}

function lastIndex<T>(items: T[], pred: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i] as T)) return i;
  return -1;
}
