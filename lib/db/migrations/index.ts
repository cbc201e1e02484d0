import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';
import { initial } from '@/lib/db/migrations/001-initial';

/** Every migration, in order; a static list so bundlers see each file. */
export function migrations(dialect: SqlDialectName): Record<string, Migration> {
  return {
    '001-initial': initial(dialect),
  };
}
