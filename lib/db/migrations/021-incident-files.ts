import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';

/**
 * Files attached to an incident (issue #16 part 5): a network trace, a PDF report, a text log.
 * The bytes live in the row (bytea on PostgreSQL, a blob on SQLite), so a backup of the database
 * holds them too. A file is seen only by the audiences in `incident_file_audiences`; a file with
 * no row there is seen by nobody outside the console (never by the public).
 */
export function incidentFiles(dialect: SqlDialectName): Migration {
  const ts = dialect === 'postgres' ? 'timestamptz' : 'text';
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const cascade = (table: string) => (c: ColumnDefinitionBuilder) => c.notNull().references(`${table}.id`).onDelete('cascade');
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('incident_files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', cascade('incidents'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', bytes, (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incident_files_incident').on('incident_files').column('incident_id').execute();

      await db.schema
        .createTable('incident_file_audiences')
        .addColumn('file_id', 'text', cascade('incident_files'))
        .addColumn('audience_id', 'text', cascade('audiences'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('incident_file_audiences_pk', ['file_id', 'audience_id'])
        .execute();
      await db.schema.createIndex('incident_file_audiences_audience').on('incident_file_audiences').column('audience_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('incident_file_audiences').execute();
      await db.schema.dropTable('incident_files').execute();
    },
  };
}
