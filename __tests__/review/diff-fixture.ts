import { buildAnchorIndex } from '../../src/diff/anchor.js';
import { parseDiff } from '../../src/diff/parse.js';
import type { Finding } from '../../src/review/findings.js';

/*
 * src/app.ts, two hunks:
 *   hunk 1: new lines 10..14 (10 ctx, 11 add, 12 add, 13 ctx, 14 ctx); old 10..13 (10 ctx, 11 del, 12 ctx, 13 ctx)
 *   hunk 2: new lines 40..43 (40 ctx, 41 add, 42 ctx, 43 ctx); old 39..41
 * src/util.ts: added, new lines 1..3.
 * src/gone.ts: deleted, old lines 1..2.
 */
export const DIFF = `diff --git a/src/app.ts b/src/app.ts
index 1111111..2222222 100644
--- a/src/app.ts
+++ b/src/app.ts
@@ -10,4 +10,5 @@ export function start() {
   const port = 8080;
-  const host = 'localhost';
+  const host = process.env.HOST;
+  const debug = true;
   listen(host, port);
   return port;
@@ -39,3 +40,4 @@ export function stop() {
   close();
+  process.exit(0);
   log('stopped');
 }
diff --git a/src/util.ts b/src/util.ts
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/src/util.ts
@@ -0,0 +1,3 @@
+export function add(a: number, b: number) {
+  return a + b;
+}
diff --git a/src/gone.ts b/src/gone.ts
deleted file mode 100644
index 4444444..0000000
--- a/src/gone.ts
+++ /dev/null
@@ -1,2 +0,0 @@
-export const old = 1;
-export const older = 2;
`;

export const FILES = parseDiff(DIFF);
export const INDEX = buildAnchorIndex(FILES);

export function finding(extra: Partial<Finding> = {}): Finding {
  return {
    path: 'src/app.ts',
    line: 11,
    side: 'RIGHT',
    severity: 'medium',
    title: 'Host may be undefined',
    body: '`process.env.HOST` is undefined when the variable is unset.',
    ...extra,
  };
}
