import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { migrate, openDb } from '@/lib/db/connect';
import { getEnv } from '@/lib/env';
import { createApiKey } from '@/lib/services/create-api-key';
import { createOperator } from '@/lib/services/create-operator';
import { toErrorResponse } from '@/lib/services/errors';

const USAGE = `Usage: npm run beacon -- <command> [options]

Commands:
  operator:create --email E --role admin|responder [--name N]
      Adds an operator. The password is read from BEACON_ADMIN_PASSWORD or asked for.
  apikey:create --email E --name N
      Makes a management API key for operator E; the key is printed once, alone on the last line.`;

async function askPassword(): Promise<string> {
  if (process.env.BEACON_ADMIN_PASSWORD) return process.env.BEACON_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for a password: set BEACON_ADMIN_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question('Password (12+ characters): ');
  } finally {
    rl.close();
  }
}

/** `npm run beacon -- …`: operator and API key administration from the shell. */
async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (command !== 'operator:create' && command !== 'apikey:create') {
    console.error(USAGE);
    process.exit(command ? 1 : 0);
  }
  const db = openDb(getEnv().DATABASE_URL);
  const ctx = { db: db.kysely, now: () => new Date(), actor: { type: 'system' as const, id: null, name: 'command line' } };
  try {
    await migrate(db);
    if (command === 'operator:create') {
      const operator = await createOperator({
        ctx,
        input: {
          email: values.email ?? '',
          role: (values.role ?? '') as 'admin',
          name: values.name ?? values.email?.split('@')[0] ?? '',
          password: await askPassword(),
        },
      });
      console.log(`Created ${operator.role} ${operator.email} (${operator.id}).`);
    } else {
      const operator = await db.kysely
        .selectFrom('operators')
        .select('id')
        .where('email', '=', (values.email ?? '').toLowerCase())
        .executeTakeFirst();
      if (!operator) throw new Error(`No operator with email ${values.email ?? '(missing --email)'}`);
      const { key, apiKey } = await createApiKey({ ctx, input: { name: values.name ?? '', operatorId: operator.id } });
      console.log(`API key "${apiKey.name}" (${apiKey.id}) for ${values.email}. It is shown only now:`);
      console.log(key);
    }
  } finally {
    await db.kysely.destroy();
  }
}

main().catch((error: unknown) => {
  const { body } = toErrorResponse(error);
  console.error(error instanceof Error && body.error.code === 'internal' ? error.message : body.error.message);
  process.exit(1);
});
