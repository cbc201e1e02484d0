import type { Translations, TranslatableField } from '@/lib/domain/localize';
import type { Locale } from '@/lib/i18n/locales';
import type { ContentTranslationsTable } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/transaction';

export type TranslatedEntity = ContentTranslationsTable['entity_type'];

/** Each listed entity's translations, by id (entities with none are absent). */
export async function listTranslations(db: DbOrTx, entityType: TranslatedEntity, ids: readonly string[]): Promise<Map<string, Translations>> {
  const out = new Map<string, Translations>();
  if (ids.length === 0) return out;
  const rows = [];
  // Chunked: PostgreSQL and SQLite cap bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('content_translations')
        .select(['entity_id', 'locale', 'field', 'value'])
        .where('entity_type', '=', entityType)
        .where('entity_id', 'in', ids.slice(i, i + 500))
        .orderBy('entity_id')
        .orderBy('locale')
        .orderBy('field')
        .execute()),
    );
  }
  for (const row of rows) {
    const entity = out.get(row.entity_id) ?? {};
    const locale = row.locale as Locale;
    entity[locale] = { ...entity[locale], [row.field]: row.value };
    out.set(row.entity_id, entity);
  }
  return out;
}

/** Every translation of every entity of one type (public page assembly reads them all at once). */
export async function listAllTranslations(db: DbOrTx, entityType: TranslatedEntity): Promise<Map<string, Translations>> {
  const ids = await db.selectFrom('content_translations').select('entity_id').distinct().where('entity_type', '=', entityType).execute();
  return listTranslations(db, entityType, ids.map((r) => r.entity_id));
}

/**
 * Replaces the given fields' translations of one entity with `translations`: a field listed in
 * `fields` but absent from a language is removed for that language; other fields are kept.
 */
export async function replaceTranslations(
  db: DbOrTx,
  entityType: TranslatedEntity,
  entityId: string,
  fields: readonly TranslatableField[],
  translations: Translations,
  now: Date,
): Promise<void> {
  await db
    .deleteFrom('content_translations')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('field', 'in', [...fields])
    .execute();
  const rows = Object.entries(translations).flatMap(([locale, texts]) =>
    Object.entries(texts ?? {})
      .filter(([field, value]) => fields.includes(field as TranslatableField) && typeof value === 'string' && value.trim() !== '')
      .map(([field, value]) => ({
        entity_type: entityType,
        entity_id: entityId,
        locale,
        field: field as TranslatableField,
        value: value as string,
        updated_at: now.toISOString(),
      })),
  );
  if (rows.length > 0) await db.insertInto('content_translations').values(rows).execute();
}

/** Removes every translation of one entity (when it is deleted). */
export async function deleteTranslations(db: DbOrTx, entityType: TranslatedEntity, entityId: string): Promise<void> {
  await db.deleteFrom('content_translations').where('entity_type', '=', entityType).where('entity_id', '=', entityId).execute();
}

/** Sets the given languages' given fields of one entity, keeping every other translation (a PATCH). */
export async function upsertTranslations(db: DbOrTx, entityType: TranslatedEntity, entityId: string, translations: Translations, now: Date): Promise<void> {
  for (const [locale, texts] of Object.entries(translations)) {
    const fields = Object.keys(texts ?? {}) as TranslatableField[];
    if (fields.length === 0) continue;
    await db
      .deleteFrom('content_translations')
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .where('locale', '=', locale)
      .where('field', 'in', fields)
      .execute();
    await db
      .insertInto('content_translations')
      .values(fields.map((field) => ({ entity_type: entityType, entity_id: entityId, locale, field, value: texts![field]!, updated_at: now.toISOString() })))
      .execute();
  }
}
