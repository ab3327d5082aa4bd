/**
 * A deliberately small reading of a unified diff for the fake forges: enough to list a
 * PR's files like GitHub does and to answer "is this line in the diff?" like GitHub's
 * review endpoint. Independent of src/diff, so the fakes do not share the code under test.
 */

export type IndexedFile = {
  filename: string;
  previousFilename?: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  /** The hunks as GitHub's file list gives them (from the first `@@`); absent for binaries. */
  patch?: string;
  /** `RIGHT:12` / `LEFT:7` → index of the hunk that shows that line. */
  lines: Map<string, number>;
};

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** Splits a `git diff` text into files with their numbered, commentable lines. */
export function indexDiff(diff: string): IndexedFile[] {
  const blocks = diff.split(/^(?=diff --git )/m).filter((b) => b.startsWith('diff --git '));
  return blocks.map(indexBlock);
}

function indexBlock(block: string): IndexedFile {
  const rows = block.replace(/\n$/, '').split('\n');
  const header = /^diff --git a\/(.*) b\/(.*)$/.exec(rows[0] ?? '');
  let oldName = header?.[1] ?? '';
  let newName = header?.[2] ?? '';
  let status = 'modified' as IndexedFile['status'];
  const lines = new Map<string, number>();
  let additions = 0;
  let deletions = 0;
  let patchStart = -1;
  let hunk = -1;
  let oldLine = 0;
  let newLine = 0;

  for (const [i, row] of rows.entries()) {
    if (patchStart < 0) {
      if (row.startsWith('new file mode')) status = 'added';
      else if (row.startsWith('deleted file mode')) status = 'removed';
      else if (row.startsWith('rename from ')) {
        oldName = row.slice(12);
        status = 'renamed';
      } else if (row.startsWith('rename to ')) newName = row.slice(10);
      // git ends a name containing a space with a tab on these two lines.
      else if (row.startsWith('--- a/')) oldName = row.slice(6).replace(/\t$/, '');
      else if (row.startsWith('+++ b/')) newName = row.slice(6).replace(/\t$/, '');
    }
    const h = HUNK.exec(row);
    if (h) {
      if (patchStart < 0) patchStart = i;
      hunk++;
      oldLine = Number(h[1]);
      newLine = Number(h[2]);
      continue;
    }
    if (hunk < 0) continue;
    if (row.startsWith('+')) {
      lines.set(`RIGHT:${newLine++}`, hunk);
      additions++;
    } else if (row.startsWith('-')) {
      lines.set(`LEFT:${oldLine++}`, hunk);
      deletions++;
    } else if (row.startsWith(' ') || row === '') {
      lines.set(`RIGHT:${newLine++}`, hunk);
      lines.set(`LEFT:${oldLine++}`, hunk);
    }
  }

  const file: IndexedFile = {
    filename: status === 'removed' ? oldName : newName,
    status,
    additions,
    deletions,
    lines,
  };
  if (status === 'renamed') file.previousFilename = oldName;
  if (patchStart >= 0) file.patch = rows.slice(patchStart).join('\n');
  return file;
}
