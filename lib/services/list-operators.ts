import { authorize, type ServiceContext } from '@/lib/services/context';

/** Current operators (removed ones stay in the database for the audit trail, not here). */
export async function listOperators({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, 'operator.read');
  return ctx.db
    .selectFrom('operators')
    .select(['id', 'email', 'name', 'role', 'created_at', 'last_sign_in_at', 'totp_enabled_at'])
    .where('removed_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** API keys with their operator, newest first; never the key or its hash. */
export async function listApiKeys({ ctx }: { ctx: ServiceContext }) {
  authorize(ctx, 'api_key.read');
  return ctx.db
    .selectFrom('api_keys')
    .innerJoin('operators', 'operators.id', 'api_keys.operator_id')
    .select([
      'api_keys.id',
      'api_keys.name',
      'api_keys.prefix',
      'api_keys.created_at',
      'api_keys.last_used_at',
      'api_keys.revoked_at',
      'operators.email as operator_email',
    ])
    .orderBy('api_keys.created_at', 'desc')
    .execute();
}
