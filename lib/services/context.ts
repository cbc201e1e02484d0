import type { DbOrTx } from '@/lib/db/transaction';
import { getDb } from '@/lib/db';
import type { OperatorRole } from '@/lib/db/schema';
import { isAllowed, type Permission } from '@/lib/domain/permissions';
import { ForbiddenError } from '@/lib/services/errors';

/**
 * Who is making a change: for the audit log, and for the role check. An operator acts with
 * their role, an API key with its operator's role; the system (jobs, start-up, the command
 * line) is trusted.
 */
export type Actor =
  | { type: 'operator' | 'api_key'; id: string | null; name: string; role: OperatorRole }
  | { type: 'system'; id: string | null; name: string }
  /** A signed-in member of an audience (downloads are audited); may do no operator action. */
  | { type: 'member'; id: string; name: string };

/** What every service verb receives: where to read and write, what time it is, and who acts. */
export interface ServiceContext {
  db: DbOrTx;
  now: () => Date;
  /** Absent only for in-process callers (jobs, scripts, tests), which are trusted like the system. */
  actor?: Actor;
}

/** The context for requests served by this process. */
export async function requestContext(actor?: Actor): Promise<ServiceContext> {
  const { kysely } = await getDb();
  return { db: kysely, now: () => new Date(), actor };
}

/** Throws ForbiddenError (403 at every edge) unless the context's actor may do `action`. */
export function authorize(ctx: Pick<ServiceContext, 'actor'>, action: Permission): void {
  const actor = ctx.actor;
  if (!actor || actor.type === 'system') return;
  if (actor.type === 'member' || !isAllowed(actor.role, action)) throw new ForbiddenError(action);
}
