import { z } from 'zod';
import { hashPassword, MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { newId } from '@/lib/db/ids';
import type { OperatorRow } from '@/lib/db/schema';
import { withTransaction } from '@/lib/db/transaction';
import { recordAudit } from '@/lib/services/audit';
import { authorize, type ServiceContext } from '@/lib/services/context';
import { ConflictError, parseInput } from '@/lib/services/errors';
import { Name } from '@/lib/services/schemas';

export const OperatorRole = z.enum(['admin', 'responder']);

export const CreateOperatorInput = z.object({
  email: z.email('must be an email address').trim().toLowerCase().max(254),
  name: Name,
  role: OperatorRole,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(256, 'must be at most 256 characters'),
});
export type CreateOperatorInput = z.input<typeof CreateOperatorInput>;

/** What may leave the services about an operator: never the password hash or second-factor secrets. */
export type PublicOperator = Omit<OperatorRow, 'password_hash' | 'removed_at' | 'totp_secret' | 'totp_pending_secret' | 'totp_last_step'>;

/** The public view of an operator row. */
export function toPublicOperator(row: OperatorRow): PublicOperator {
  const { password_hash: _hash, removed_at: _removed, totp_secret: _secret, totp_pending_secret: _pending, totp_last_step: _step, ...visible } = row;
  return visible;
}

/** Adds an operator with an Argon2id password hash; emails are unique, case-insensitively. */
export async function createOperator({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateOperatorInput;
}): Promise<PublicOperator> {
  authorize(ctx, 'operator.create');
  const data = parseInput(CreateOperatorInput, input);
  const passwordHash = await hashPassword(data.password);
  const now = ctx.now().toISOString();
  return withTransaction(ctx.db, async (trx) => {
    const taken = await trx.selectFrom('operators').select('id').where('email', '=', data.email).executeTakeFirst();
    if (taken) throw new ConflictError(`An operator with email ${data.email} already exists`, { email: 'already in use' });
    const row: OperatorRow = {
      id: newId(),
      email: data.email,
      name: data.name,
      role: data.role,
      password_hash: passwordHash,
      removed_at: null,
      created_at: now,
      updated_at: now,
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      last_sign_in_at: null,
    };
    await trx.insertInto('operators').values(row).execute();
    const visible = toPublicOperator(row);
    await recordAudit(trx, ctx, { action: 'operator.create', entityType: 'operator', entityId: row.id, after: visible });
    return visible;
  });
}
