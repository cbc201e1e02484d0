import type BetterSqlite3 from 'better-sqlite3';

/**
 * better-sqlite3 for the Node that runs us. 12.x is built against Node's C++ ObjectWrap, which
 * on Node 24 aborts the process when a statement is collected after teardown
 * (`RemoveEnvironmentCleanupHook: Assertion (env) != nullptr`); 13.x moved to Node-API and
 * ships prebuilt binaries for Node 22 and later, but crashes on Node 20. So Node 20 loads 12.x
 * and Node 22+ loads 13.x (installed as `better-sqlite3-13`); both have the same API. When
 * Node 20 is no longer supported, 12.x and this file go.
 */
const nodeApi = Number(process.versions.node.split('.')[0]) >= 22;

/** The package loaded on this Node. */
export const SQLITE_PACKAGE = nodeApi ? 'better-sqlite3-13' : 'better-sqlite3';

/**
 * The better-sqlite3 constructor (`new SqliteDatabase(file, options)`). A `require` with literal
 * names: loaded only on the Node it is for, and seen by Next's bundler (both are external there).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- an import would load both builds, and one crashes this Node */
const SqliteDatabase = (nodeApi ? require('better-sqlite3-13') : require('better-sqlite3')) as typeof BetterSqlite3;
/* eslint-enable @typescript-eslint/no-require-imports */
export default SqliteDatabase;

export type SqliteConnection = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement;
