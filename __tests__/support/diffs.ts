/** Unified diff text for a file added with `lines`. */
export function addedFile(path: string, lines: string[]): string {
  return [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    'index 0000000..1111111',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((l) => `+${l}`),
    '',
  ].join('\n');
}

/** A file where lines `from..to` (1-based) of an `total`-line file were replaced. */
export function editedFile(path: string, total: number, from: number, to: number): string {
  const before = Math.max(1, from - 3);
  const after = Math.min(total, to + 3);
  const body: string[] = [];
  for (let i = before; i < from; i++) body.push(` line ${i}`);
  for (let i = from; i <= to; i++) body.push(`-line ${i}`);
  for (let i = from; i <= to; i++) body.push(`+line ${i} changed`);
  for (let i = to + 1; i <= after; i++) body.push(` line ${i}`);
  const n = after - before + 1;
  return [
    `diff --git a/${path} b/${path}`,
    'index 1111111..2222222 100644',
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${before},${n} +${before},${n} @@`,
    ...body,
    '',
  ].join('\n');
}

/** `count` lines of plausible code. */
export function codeLines(count: number, prefix = 'x'): string[] {
  return Array.from({ length: count }, (_, i) => `const ${prefix}${i} = compute(${i}); // step ${i}`);
}
