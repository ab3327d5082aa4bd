/** One line of a hunk. Numbers are 1-based line numbers in the old / new file. */
export type DiffLine =
  | { kind: 'add'; oldLine: null; newLine: number; text: string }
  | { kind: 'del'; oldLine: number; newLine: null; text: string }
  | { kind: 'context'; oldLine: number; newLine: number; text: string };

export type Hunk = {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@` (often the enclosing function); may be empty. */
  section: string;
  lines: DiffLine[];
  /** True when the old side ends without a newline (`\ No newline at end of file`). */
  oldNoNewlineAtEnd: boolean;
  newNoNewlineAtEnd: boolean;
};

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

export type DiffFile = {
  /** Path in the new tree (for a deleted file: its old path). */
  path: string;
  /** Path in the old tree when it differs (rename/copy), else null. */
  oldPath: string | null;
  status: FileStatus;
  binary: boolean;
  /** `{ old: '100644', new: '100755' }` when the mode changed. */
  modeChange: { old: string; new: string } | null;
  /** Gitlink (submodule pointer) change. */
  submodule: boolean;
  hunks: Hunk[];
  additions: number;
  deletions: number;
};
