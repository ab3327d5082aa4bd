/**
 * The seeded-bug pull requests of `npm run eval`, written for this project. Each adds code in one
 * language with known bugs; a bug is found by a unique piece of its line (`find`), so the line
 * numbers stay right when a case is edited. The model never sees which lines are seeded.
 */

export type SeededBug = { path: string; find: string; what: string };
export type EvalFile = { path: string; text: string };
export type EvalCase = {
  name: string;
  language: string;
  title: string;
  body: string;
  files: EvalFile[];
  bugs: SeededBug[];
};

export const CASES: EvalCase[] = [
  {
    name: 'ts-pagination',
    language: 'TypeScript',
    title: 'Add pagination helpers for the orders list',
    body: 'Pages are 1-based in the UI; `size` comes from the query string.',
    files: [
      {
        path: 'src/orders/paginate.ts',
        text: `export type Page<T> = { items: T[]; page: number; pages: number };

/** One page of \`items\`, pages numbered from 1 as the UI shows them. */
export function paginate<T>(items: T[], page: number, size: number): Page<T> {
  const pages = Math.ceil(items.length / size);
  const start = page * size;
  return { items: items.slice(start, start + size), page, pages };
}

/** Parses \`?size=\` from the query string, 20 when absent. */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get('size');
  return raw === null ? 20 : Number(raw);
}
`,
      },
    ],
    bugs: [
      { path: 'src/orders/paginate.ts', find: 'const start = page * size;', what: '1-based page skips the first page' },
      {
        path: 'src/orders/paginate.ts',
        find: 'Number(raw);',
        what: 'size=0 or NaN divides by zero / returns NaN pages',
      },
    ],
  },
  {
    name: 'py-discount',
    language: 'Python',
    title: 'Apply percentage discounts at checkout',
    body: 'Discounts are stored as whole percentages (e.g. 15 for 15 %).',
    files: [
      {
        path: 'shop/discount.py',
        text: `from decimal import Decimal


def apply_discount(price: Decimal, percent: int) -> Decimal:
    """Price after a discount of \`percent\` per cent."""
    return price * (1 - percent)


def collect_codes(order, seen=[]):
    """Discount codes of an order, each once."""
    for code in order.codes:
        if code not in seen:
            seen.append(code)
    return seen
`,
      },
    ],
    bugs: [
      { path: 'shop/discount.py', find: 'return price * (1 - percent)', what: 'percent not divided by 100' },
      {
        path: 'shop/discount.py',
        find: 'def collect_codes(order, seen=[]):',
        what: 'mutable default shared across calls',
      },
    ],
  },
  {
    name: 'go-cache',
    language: 'Go',
    title: 'Add an in-memory cache for user profiles',
    body: 'Used from every request handler goroutine.',
    files: [
      {
        path: 'internal/cache/cache.go',
        text: `package cache

import "sync"

// Cache maps user ids to profiles; safe for concurrent use.
type Cache struct {
	mu    sync.Mutex
	items map[string]string
}

func New() *Cache { return &Cache{items: map[string]string{}} }

func (c *Cache) Set(id, profile string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[id] = profile
}

func (c *Cache) Get(id string) (string, bool) {
	p, ok := c.items[id]
	return p, ok
}
`,
      },
    ],
    bugs: [
      { path: 'internal/cache/cache.go', find: 'p, ok := c.items[id]', what: 'map read without the mutex: data race' },
    ],
  },
  {
    name: 'rust-range',
    language: 'Rust',
    title: 'Parse byte ranges from the Range header',
    body: 'Input is the raw header value, e.g. `bytes=0-499`.',
    files: [
      {
        path: 'src/range.rs',
        text: `/// Length of an inclusive byte range \`start-end\` from a Range header.
pub fn range_len(header: &str) -> Option<u64> {
    let spec = header.strip_prefix("bytes=")?;
    let (start, end) = spec.split_once('-')?;
    let start: u64 = start.parse().ok()?;
    let end: u64 = end.parse().ok()?;
    Some(end - start + 1)
}
`,
      },
    ],
    bugs: [{ path: 'src/range.rs', find: 'Some(end - start + 1)', what: 'end < start underflows (panic in debug)' }],
  },
];

/** The unified diff of a case: each file added, as `git diff` prints a new file. */
export function caseDiff(c: EvalCase): string {
  return c.files
    .map((f) => {
      const lines = f.text.replace(/\n$/, '').split('\n');
      return [
        `diff --git a/${f.path} b/${f.path}`,
        'new file mode 100644',
        '--- /dev/null',
        `+++ b/${f.path}`,
        `@@ -0,0 +1,${lines.length} @@`,
        ...lines.map((l) => `+${l}`),
      ].join('\n');
    })
    .join('\n')
    .concat('\n');
}

/** The line of each seeded bug (1-based, in the head file). Throws on a `find` that is missing or not unique. */
export function bugLines(c: EvalCase): Array<SeededBug & { line: number }> {
  return c.bugs.map((b) => {
    const file = c.files.find((f) => f.path === b.path);
    const lines = file?.text.split('\n') ?? [];
    const hits = lines.flatMap((l, i) => (l.includes(b.find) ? [i + 1] : []));
    if (hits.length !== 1) throw new Error(`eval case ${c.name}: "${b.find}" is on ${hits.length} lines of ${b.path}`);
    return { ...b, line: hits[0]! };
  });
}
