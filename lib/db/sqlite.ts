import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase, { type SqliteConnection, type SqliteStatement } from '@/lib/db/sqlite-driver';
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import { BOOLEAN_COLUMNS } from '@/lib/db/schema';

/** better-sqlite3 binds neither booleans nor Dates; store them as 0/1 and ISO text. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * Prepared statements kept per SQL text. Each prepare allocates native memory that only the
 * garbage collector frees (it cannot see its size), so a busy worker preparing the same few
 * queries thousands of times a second held 100 MB and more outside the JS heap.
 */
const STATEMENT_CACHE_SIZE = 256;

function wrap(raw: SqliteConnection): KyselySqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const statementFor = (sql: string) => {
    const cached = cache.get(sql);
    // A statement still being iterated cannot run again until its iterator is done.
    if (cached && !cached.busy) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const statement = raw.prepare(sql);
    if (!cached) {
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare(sql) {
      const statement = statementFor(sql);
      const bind = (params: ReadonlyArray<unknown>) => params.map(toSqliteValue);
      return {
        get reader() {
          return statement.reader;
        },
        all: (params) => statement.all(bind(params)),
        run: (params) => statement.run(bind(params)),
        iterate: (params) => statement.iterate(bind(params)),
      };
    },
  };
}

/** Reads SQLite's 0/1 back as booleans for the columns the schema declares boolean. */
class SqliteBooleanPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    for (const row of args.result.rows) {
      for (const key of Object.keys(row)) {
        if (BOOLEAN_COLUMNS.has(key) && typeof row[key] === 'number') row[key] = row[key] === 1;
      }
    }
    return args.result;
  }
}

/**
 * Transactions start with BEGIN IMMEDIATE, taking the write lock at once. Services read, then
 * write; with a plain BEGIN, another process (the worker) committing in between makes the
 * upgrade to a writer fail at once with SQLITE_BUSY_SNAPSHOT, busy timeout or not. Immediate
 * transactions wait their turn (busy_timeout) instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** Opens (creating if needed) a SQLite file in WAL mode. */
export function sqliteDialect(filename: string): { dialect: SqliteDialect; plugins: KyselyPlugin[] } {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(filename)), { recursive: true });
  const raw = new SqliteDatabase(filename);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  return { dialect: new ImmediateSqliteDialect({ database: wrap(raw) }), plugins: [new SqliteBooleanPlugin()] };
}
