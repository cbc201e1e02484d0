import type { DbOrTx } from '@/lib/db/transaction';
import type { ServiceContext } from '@/lib/services/context';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Keeps secrets out of the log whatever the caller passes. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => (/password|hash|secret|token/i.test(key) ? '[redacted]' : v)),
  );
}

/**
 * Writes who changed what (before and after) and when, in the change's transaction.
 * Changes without an actor (the demo seed, tests) are not audited.
 */
export async function recordAudit(db: DbOrTx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  if (!ctx.actor) return;
  const before = redact(entry.before);
  const after = redact(entry.after);
  await db
    .insertInto('audit_log')
    .values({
      at: ctx.now().toISOString(),
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
    })
    .execute();
}

/** Reads a JSON column the same on both databases (jsonb arrives parsed, text does not). */
export function parseJson<T>(value: string | object | null): T | null {
  if (value === null) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
