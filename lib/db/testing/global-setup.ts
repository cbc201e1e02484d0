import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Creates one PostgreSQL database for this test run and drops it afterwards.
 * PostgreSQL being unreachable fails the run unless BEACON_TEST_SKIP_POSTGRES=1.
 */
export default async function setup(project: TestProject) {
  if (process.env.BEACON_TEST_SKIP_POSTGRES === '1') {
    console.warn('\n[beacon] BEACON_TEST_SKIP_POSTGRES=1: database tests run on SQLite only.\n');
    project.provide('postgresUrl', null);
    return;
  }
  const adminUrl = process.env.TEST_POSTGRES_URL || DEFAULT_ADMIN_URL;
  const name = `beacon_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable at ${adminUrl} (${(error as Error).message}). ` +
        'Start it, point TEST_POSTGRES_URL at one, or set BEACON_TEST_SKIP_POSTGRES=1 to run on SQLite only.',
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  project.provide('postgresUrl', url.toString());

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
}
