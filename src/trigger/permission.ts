import type { ForgeClient } from '../ports.js';
import type { Requester } from './trigger.js';

/** Associations that can never carry write access: answered without asking the forge. */
export const OUTSIDERS: ReadonlySet<string> = new Set(['NONE', 'FIRST_TIMER', 'FIRST_TIME_CONTRIBUTOR', 'MANNEQUIN']);

export type Gate = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether the person who wrote a command may spend the repository's budget: only people with
 * write access. GitHub: the repository owner passes at once, outsiders fail at once, anyone
 * else is looked up with the collaborator permission API. Gitea/Forgejo, whose automatic
 * token may not look up others: the event's `repository.permissions`.
 */
export async function checkWriteAccess(who: Requester, forge: ForgeClient): Promise<Gate> {
  const denied: Gate = { allowed: false, reason: `@${who.login} does not have write access to this repository` };
  if (who.association === 'OWNER') return { allowed: true };
  if (who.association !== null && OUTSIDERS.has(who.association)) return denied;
  const permission = who.login ? await forge.permissionOf(who.login).catch(() => null) : null;
  if (permission !== null) return permission === 'admin' || permission === 'write' ? { allowed: true } : denied;
  return who.canPush === true ? { allowed: true } : denied;
}

/** The one reply an unauthorised command gets. */
export function refusalText(login: string): string {
  return (
    `Thanks for the interest, @${login}! Reviews by claude-pr-review can only be started by people with write access ` +
    'to this repository, because they spend its token budget. A maintainer can comment `/review` to start one.'
  );
}
