import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { configuredFileDirectory } from '@/lib/services/file-storage';
import { exportDatabase, importDatabase, parseBackup } from '@/lib/db/backup';
import { migrate, openDb } from '@/lib/db/connect';
import { getEnv } from '@/lib/env';
import { readStatuspage } from '@/lib/http/statuspage-client';
import { importStatuspage } from '@/lib/services/import-statuspage';
import { createApiKey } from '@/lib/services/create-api-key';
import { createOperator } from '@/lib/services/create-operator';
import { toErrorResponse } from '@/lib/services/errors';

const USAGE = `Usage: npm run beacon -- <command> [options]

Commands:
  operator:create --email E --role admin|responder [--name N]
      Adds an operator. The password is read from BEACON_ADMIN_PASSWORD or asked for.
  apikey:create --email E --name N
      Makes a management API key for operator E; the key is printed once, alone on the last line.
  export
      Writes everything (components, incidents, subscribers, settings, operators, audit log) as JSON
      to standard output: npm run beacon -- export > backup.json
  import FILE
      Restores a backup into the empty database at DATABASE_URL (SQLite or PostgreSQL).
  import-statuspage PAGE_URL [--api-key K] [--api-base URL]
      Brings a Statuspage-compatible page (Statuspage, another Beacon) into this empty Beacon from
      its public v2 API: groups, components, incidents with every update, maintenance, times kept.
      Run it again to take what changed: nothing is duplicated. The public API lists the 50 most
      recent incidents; with a manage API key (--api-base defaults to https://api.statuspage.io/v1;
      for a Beacon, PAGE_URL/api/v1) every incident is read, and the page's confirmed email and
      webhook subscribers (no one is sent anything) and its incident templates come across too.`;

const COMMANDS = ['operator:create', 'apikey:create', 'export', 'import', 'import-statuspage'];

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

const parseOptions = (args: string[]) =>
  parseArgs({
    args,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'api-key': { type: 'string' },
      'api-base': { type: 'string' },
    },
    strict: true,
  });

/** `npm run beacon -- …`: operator and API key administration from the shell. */
async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (!COMMANDS.includes(command)) {
    console.error(`Unknown command "${command}"\n\n${USAGE}`);
    process.exit(1);
  }
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
  const { values, positionals } = parsed;
  const db = openDb(getEnv().DATABASE_URL);
  const ctx = { db: db.kysely, now: () => new Date(), actor: { type: 'system' as const, id: null, name: 'command line' } };
  try {
    await migrate(db);
    if (command === 'export') {
      process.stdout.write(`${JSON.stringify(await exportDatabase(db, new Date(), { fileDirectory: configuredFileDirectory() }))}\n`);
    } else if (command === 'import') {
      const file = positionals[0];
      if (!file) throw new Error('Usage: npm run beacon -- import backup.json');
      const counts = await importDatabase(db, parseBackup(await readFile(file, 'utf8')));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.error(`Restored ${total} rows into ${db.dialect}: ${Object.entries(counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    } else if (command === 'import-statuspage') {
      const pageUrl = positionals[0];
      if (!pageUrl) throw new Error('Usage: npm run beacon -- import-statuspage https://status.example.com [--api-key K]');
      const read = await readStatuspage(pageUrl, { apiKey: values['api-key'] ?? process.env.STATUSPAGE_API_KEY, apiBase: values['api-base'] }).catch((error: unknown) => {
        // An unreachable or refusing page is the user's to fix: its words, without a stack.
        console.error((error as Error).message);
        process.exit(1);
      });
      const result = await importStatuspage({ ctx, input: read as never });
      const line = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', ');
      console.error(`Imported ${read.source}: created ${line(result.created)}; updated ${line(result.updated)}.`);
      if (result.manage) {
        const m = result.manage;
        console.error(`Subscribers: created ${m.created.subscriber}, updated ${m.updated.subscriber}, linked to existing ${m.linked}. Templates: created ${m.created.template}, updated ${m.updated.template}.`);
        const skipped = Object.entries(m.skipped);
        console.error(skipped.length ? `Skipped: ${skipped.map(([why, n]) => `${n} ${why}`).join(', ')}.` : 'Skipped: nothing.');
      }
    } else if (command === 'operator:create') {
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
