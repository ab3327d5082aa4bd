import type { IssueComment, Permission } from '../ports.js';
import type { GiteaKind } from './gitea.js';

// What the adapter reads of Gitea's JSON (modules/structs); everything else is ignored.
// What the adapter reads of Gitea's JSON (modules/structs); everything else is ignored.
export type GiteaUser = { id?: number; login?: string };
export type GiteaPull = {
  number: number;
  title?: string;
  body?: string | null;
  draft?: boolean;
  user?: GiteaUser | null;
  html_url?: string;
  head: { sha: string };
  base: { sha: string; ref: string };
};
export type GiteaReview = {
  id: number;
  state?: string;
  comments_count?: number;
  submitted_at?: string;
  user?: GiteaUser | null;
  html_url?: string;
  pull_request_url?: string;
};
export type GiteaComment = { id: number; body?: string; html_url?: string; user?: GiteaUser | null };
export type GiteaPermission = { permission?: string; role_name?: string };
export type ApiResponse<T> = { data: T; headers: Record<string, string | number | undefined> };

export type GiteaContents = { type?: string; size?: number; encoding?: string | null; content?: string | null };

// Gitea's AccessMode names; the repository owner's `owner` counts as admin.
export const PERMISSIONS: Record<string, Permission> = {
  owner: 'admin',
  admin: 'admin',
  write: 'write',
  read: 'read',
  none: 'none',
};

export function toPermission(value: string | null | undefined): Permission | null {
  return value ? (PERMISSIONS[value.toLowerCase()] ?? null) : null;
}

export function sameUser(a: GiteaUser | null | undefined, b: GiteaUser): boolean {
  if (!a) return false;
  if (typeof a.id === 'number' && typeof b.id === 'number') return a.id === b.id;
  return a.login !== undefined && a.login === b.login;
}

export function toIssueComment(c: GiteaComment): IssueComment {
  const author = c.user && typeof c.user.login === 'string' ? { id: c.user.id ?? null, login: c.user.login } : null;
  return { id: c.id, body: c.body ?? '', url: c.html_url ?? '', author };
}

export function forgeName(kind: GiteaKind): string {
  return kind === 'forgejo' ? 'Forgejo' : 'Gitea';
}

export function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
