import { renderFileForPrompt } from '../diff/render.js';
import type { DiffFile } from '../diff/types.js';
import { estimateTokens } from './estimate.js';

// Rendering is the costly part of sizing a diff; each parsed file is measured once.
const measured = new WeakMap<DiffFile, number>();

/** Estimated prompt tokens of a file as the model will read it (memoized per parsed file). */
export function fileTokens(file: DiffFile): number {
  let tokens = measured.get(file);
  if (tokens === undefined) {
    tokens = estimateTokens(renderFileForPrompt(file));
    measured.set(file, tokens);
  }
  return tokens;
}
