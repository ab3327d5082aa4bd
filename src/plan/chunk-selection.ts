/** Selection: which runs of lines fit the budget, by priority, with coverage spread across files. */
import type { Atom, FileInfo, Limits, SliceAcc } from './chunk-types.js';
import { makeAtom } from './chunk-sizing.js';
import { rankOf } from './priority.js';

/** What taking `a` next adds to its file's slices: into the open slice if it fits the target, else a new slice. */
export function addCost(slices: SliceAcc[], a: Atom, limits: Limits): number {
  const open = slices[slices.length - 1];
  if (open && open.tokens + a.cost <= limits.target) return a.cost;
  const fresh = a.f.meter.header + a.cost;
  return fresh <= limits.max ? fresh : Infinity;
}

export function take(slices: SliceAcc[], a: Atom, limits: Limits): void {
  const open = slices[slices.length - 1];
  if (open && open.tokens + a.cost <= limits.target) {
    open.atoms.push(a);
    open.tokens += a.cost;
    open.rank = Math.min(open.rank, a.h.rank);
  } else {
    slices.push({ f: a.f, atoms: [a], tokens: a.f.meter.header + a.cost, rank: a.h.rank });
  }
}

/** Every atom, each file's slices cut at atom boundaries in file order. */
export function sliceAll(infos: FileInfo[], atoms: Atom[][], limits: Limits): SliceAcc[] {
  const out: SliceAcc[] = [];
  infos.forEach((_, i) => {
    const slices: SliceAcc[] = [];
    for (const a of atoms[i] ?? []) take(slices, a, limits);
    for (const s of slices) out.push(s);
  });
  return out;
}

/** One file's atoms of one rank, consumed front to back. */
export type Entry = { slices: SliceAcc[]; atoms: Atom[]; next: number };

/**
 * Chooses atoms by rank under `budget`, spreading the rank where the budget runs out.
 * Returns the slices of all files in path order.
 */
export function select(infos: FileInfo[], atoms: Atom[][], budget: number, limits: Limits): SliceAcc[] {
  const perFile: SliceAcc[][] = infos.map(() => []);
  const ranks = rankOf('config', true) + 1;
  const groups: Entry[][] = Array.from({ length: ranks }, () => []);
  infos.forEach((_, i) => {
    const byRank = new Map<number, Atom[]>();
    for (const a of atoms[i] ?? []) {
      const list = byRank.get(a.h.rank);
      if (list) list.push(a);
      else byRank.set(a.h.rank, [a]);
    }
    for (const [rank, list] of byRank) groups[rank]?.push({ slices: perFile[i] as SliceAcc[], atoms: list, next: 0 });
  });

  let left = budget;
  for (const group of groups) {
    if (group.length === 0) continue;
    if (left <= 0) break;
    const cums = group.map((e) => cumulative(e, limits));
    let need = 0;
    for (const c of cums) need += c[c.length - 1] ?? 0;
    if (need <= left) {
      for (const e of group) while (e.next < e.atoms.length) take(e.slices, e.atoms[e.next++] as Atom, limits);
      left -= need;
      continue;
    }
    waterFill(group, cums, left, limits);
    break; // lower ranks wait until this one is fully covered
  }
  return perFile.flatMap((slices) =>
    slices.sort((a, b) => firstPos(a) - firstPos(b) || (a.atoms[0]?.from ?? 0) - (b.atoms[0]?.from ?? 0)),
  );
}

export function firstPos(s: SliceAcc): number {
  let best = Infinity;
  for (const a of s.atoms) best = Math.min(best, a.h.index);
  return best;
}

/** `cum[k]`: what taking the entry's first k+1 atoms would add, slices included. */
export function cumulative(e: Entry, limits: Limits): number[] {
  const open = e.slices[e.slices.length - 1];
  let tokens = open ? open.tokens : -1;
  let sum = 0;
  const cum: number[] = [];
  for (const a of e.atoms) {
    if (tokens >= 0 && tokens + a.cost <= limits.target) {
      tokens += a.cost;
      sum += a.cost;
    } else {
      tokens = a.f.meter.header + a.cost;
      sum += tokens > limits.max ? Infinity : tokens;
    }
    cum.push(sum);
  }
  return cum;
}

/** How many of the ascending `cum` are ≤ cap. */
export function countUpTo(cum: number[], cap: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) <= cap) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Spends `budget` over the group so that coverage is spread: find the highest per-file
 * cap whose total fits (each file takes its whole atoms up to the cap, or a piece of its
 * first atom cut to the cap), take that, then hand what is left round-robin, one whole atom
 * per file per round. Returns the tokens spent.
 */
export function waterFill(group: Entry[], cums: number[][], budget: number, limits: Limits): number {
  // A file whose first atom exceeds the cap is charged the whole cap: its cut piece costs at most that.
  const atCap = (cum: number[], cap: number): number => {
    const k = countUpTo(cum, cap);
    return k > 0 ? (cum[k - 1] as number) : cap;
  };
  const fits = (cap: number): boolean => {
    let sum = 0;
    for (const cum of cums) {
      sum += atCap(cum, cap);
      if (sum > budget) return false;
    }
    return true;
  };
  let lo = 0;
  let hi = 1;
  for (const cum of cums) for (const c of cum) if (Number.isFinite(c)) hi = Math.max(hi, c + 1);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const cap = lo;

  let spent = 0;
  group.forEach((e, i) => {
    const k = countUpTo(cums[i] as number[], cap);
    if (k > 0) {
      spent += (cums[i] as number[])[k - 1] as number;
      while (e.next < k) take(e.slices, e.atoms[e.next++] as Atom, limits);
    } else if (cap > 0) {
      spent += cutFirst(e, cap, limits);
    }
  });

  let active = group.filter((e) => e.next < e.atoms.length);
  while (active.length > 0) {
    const still: Entry[] = [];
    for (const e of active) {
      const a = e.atoms[e.next] as Atom;
      const cost = addCost(e.slices, a, limits);
      // The budget only shrinks, so an entry that cannot take its next atom never will.
      if (spent + cost > budget) continue;
      take(e.slices, a, limits);
      spent += cost;
      e.next++;
      if (e.next < e.atoms.length) still.push(e);
    }
    active = still;
  }
  return spent;
}

/**
 * Takes the leading piece of the entry's next atom that costs at most `cap` (in the open
 * slice if that leaves more room, else in a new one) and leaves the rest as its next atom.
 */
export function cutFirst(e: Entry, cap: number, limits: Limits): number {
  const a = e.atoms[e.next] as Atom;
  const { f, h } = a;
  const open = e.slices[e.slices.length - 1];
  const inOpen = open ? Math.min(cap, limits.target - open.tokens) : -Infinity;
  const inNew = Math.min(cap, limits.target) - f.meter.header;
  const limit = Math.max(inOpen, inNew);
  if (limit <= 0) return 0;
  // Leading context costs a small share without adding coverage: keep one line of it.
  const lines = h.hunk.lines;
  let start = a.from;
  while (start + 1 < a.to && lines[start]?.kind === 'context' && lines[start + 1]?.kind === 'context') start++;
  const end = f.meter.maxEnd(h.index, start, a.to, limit);
  if (end === start) return 0;
  const piece = makeAtom(f, h, start, end);
  if (piece.lines === 0) return 0;
  let spent: number;
  if (open && inOpen >= inNew) {
    open.atoms.push(piece);
    open.tokens += piece.cost;
    open.rank = Math.min(open.rank, h.rank);
    spent = piece.cost;
  } else {
    spent = f.meter.header + piece.cost;
    e.slices.push({ f, atoms: [piece], tokens: spent, rank: h.rank });
  }
  const rest = end < a.to ? makeAtom(f, h, end, a.to) : null;
  if (rest && rest.lines > 0 && f.meter.header + rest.cost <= limits.max) e.atoms[e.next] = rest;
  else e.next++;
  return spent;
}

export function sumTokens(slices: SliceAcc[]): number {
  let sum = 0;
  for (const s of slices) sum += s.tokens;
  return sum;
}
