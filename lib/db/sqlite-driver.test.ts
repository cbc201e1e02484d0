import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import SqliteDatabase, { SQLITE_PACKAGE } from '@/lib/db/sqlite-driver';

const nodeMajor = Number(process.versions.node.split('.')[0]);
const root = path.resolve(__dirname, '../..');

describe('the SQLite driver for this Node', () => {
  it('is better-sqlite3 13 on Node 22 and later, 12 on Node 20', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', SQLITE_PACKAGE, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(manifest.name).toBe('better-sqlite3');
    expect(Number(manifest.version.split('.')[0])).toBe(nodeMajor >= 22 ? 13 : 12);
    const db = new SqliteDatabase(':memory:');
    expect(db.prepare('select 1 as one').get()).toEqual({ one: 1 });
    db.close();
  });

  it('lets a process exit cleanly with statements still alive (12.x aborted here on Node 24)', () => {
    // Statements left for the collector at exit are what tripped `RemoveEnvironmentCleanupHook`.
    const script = `
      const Database = require(${JSON.stringify(SQLITE_PACKAGE)});
      const db = new Database(':memory:');
      db.exec('create table t (n integer)');
      const kept = [];
      for (let i = 0; i < 500; i++) kept.push(db.prepare('insert into t values (?)')), db.prepare('select count(*) from t').get();
      kept[0].run(1);
      globalThis.gc();
      console.log('done');
    `;
    const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toContain('Assertion');
    expect({ status: run.status, signal: run.signal, stdout: run.stdout.trim() }).toEqual({ status: 0, signal: null, stdout: 'done' });
  });
});
