import { getEnv } from '@/lib/env';
import type { ServiceContext } from '@/lib/services/context';
import { createOperator } from '@/lib/services/create-operator';

/** The demo's sign-ins; printed at start so a newcomer can open the console at once. */
export const DEMO_OPERATORS = [
  { email: 'admin@demo.beacon', password: 'beacon-demo-admin', name: 'Dana Admin', role: 'admin' },
  { email: 'responder@demo.beacon', password: 'beacon-demo-responder', name: 'Rui Responder', role: 'responder' },
] as const;

/** Adds the demo operators when the demo (BEACON_DEMO=1) is loaded into a database that has none; never otherwise. */
export async function ensureDemoOperators(ctx: ServiceContext): Promise<boolean> {
  // Their passwords are published: a start that is not the demo must never create them.
  if (!getEnv().BEACON_DEMO) return false;
  const any = await ctx.db.selectFrom('operators').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  for (const operator of DEMO_OPERATORS) await createOperator({ ctx, input: operator });
  return true;
}
