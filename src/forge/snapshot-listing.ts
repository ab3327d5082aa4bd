/** What a reader learnt of a commit's tree from `listFiles`: each blob's size, and whether the list was cut. */
export type Listing = { sizes: Map<string, number>; truncated: boolean };

/**
 * The paths of a `readFiles` call worth asking the forge for: each once, none empty, none
 * known to be over the per-file cap. A path the listing does not know is asked for only when
 * there is no listing or it was cut (then it may still exist).
 */
export function wantedPaths(paths: readonly string[], listing: Listing | undefined, maxFileBytes: number): string[] {
  return [...new Set(paths)].filter((path) => {
    if (path === '') return false;
    const size = listing?.sizes.get(path);
    if (size === undefined) return !listing || listing.truncated;
    return size <= maxFileBytes;
  });
}
