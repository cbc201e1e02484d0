import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * "`column` contains `text`", ignoring case, the same on SQLite and PostgreSQL: a bare LIKE
 * ignores ASCII case on SQLite but not on PostgreSQL, so both sides are lowered. LIKE's own
 * wildcards in the text match themselves. (SQLite's lower() folds ASCII letters only.)
 */
export function containsIgnoringCase(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
