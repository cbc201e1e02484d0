import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * System metrics (issue #17 part 4): the metrics operators define, their recent points (cast to
 * 30-second slots, the last point in a slot wins) and the hourly rollups older points are folded
 * into, so a year of pushes keeps two days of points and a month of hours.
 */
export function systemMetrics(dialect: SqlDialectName): Migration {
  const pg = dialect === 'postgres';
  const ts = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';
  const float = pg ? 'double precision' : 'real';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('system_metrics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('metric_identifier', 'text', (c) => c.notNull())
        .addColumn('suffix', 'text', (c) => c.notNull())
        .addColumn('tooltip_description', 'text', (c) => c.notNull())
        .addColumn('transform', 'text', (c) => c.notNull())
        .addColumn('decimal_places', 'integer', (c) => c.notNull())
        .addColumn('y_axis_min', float)
        .addColumn('y_axis_max', float)
        .addColumn('y_axis_hidden', bool, (c) => c.notNull())
        .addColumn('display', bool, (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('most_recent_data_at', ts)
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('system_metric_points')
        .addColumn('metric_id', 'text', (c) => c.notNull().references('system_metrics.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('value', float, (c) => c.notNull())
        .addPrimaryKeyConstraint('system_metric_points_pk', ['metric_id', 'at'])
        .execute();
      // The rollup walks points by age across every metric.
      await db.schema.createIndex('system_metric_points_at').on('system_metric_points').column('at').execute();

      await db.schema
        .createTable('system_metric_rollups')
        .addColumn('metric_id', 'text', (c) => c.notNull().references('system_metrics.id').onDelete('cascade'))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('sum', float, (c) => c.notNull())
        .addColumn('min', float, (c) => c.notNull())
        .addColumn('max', float, (c) => c.notNull())
        .addPrimaryKeyConstraint('system_metric_rollups_pk', ['metric_id', 'at'])
        .execute();
      await db.schema.createIndex('system_metric_rollups_at').on('system_metric_rollups').column('at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('system_metric_rollups').execute();
      await db.schema.dropTable('system_metric_points').execute();
      await db.schema.dropTable('system_metrics').execute();
    },
  };
}
