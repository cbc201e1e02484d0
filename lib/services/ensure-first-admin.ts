import type { ServiceContext } from '@/lib/services/context';
import { createOperator, type PublicOperator } from '@/lib/services/create-operator';

/** Creates the first admin from configuration, only while no operator exists at all. */
export async function ensureFirstAdmin({
  ctx,
  email,
  password,
  name = 'Administrator',
}: {
  ctx: ServiceContext;
  email: string;
  password: string;
  name?: string;
}): Promise<PublicOperator | undefined> {
  const any = await ctx.db.selectFrom('operators').select('id').limit(1).executeTakeFirst();
  if (any) return undefined;
  return createOperator({ ctx, input: { email, password, name, role: 'admin' } });
}
