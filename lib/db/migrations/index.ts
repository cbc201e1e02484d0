import type { Migration } from 'kysely/migration';
import type { SqlDialectName } from '@/lib/db/connect';
import { initial } from '@/lib/db/migrations/001-initial';
import { subscribers } from '@/lib/db/migrations/002-subscribers';
import { operators } from '@/lib/db/migrations/003-operators';
import { liveVersion } from '@/lib/db/migrations/004-live-version';
import { rateLimits } from '@/lib/db/migrations/005-rate-limits';
import { hashedTokens } from '@/lib/db/migrations/006-hashed-tokens';
import { concurrency } from '@/lib/db/migrations/007-concurrency';
import { alertEvents } from '@/lib/db/migrations/008-alert-events';
import { outboxIndexes } from '@/lib/db/migrations/009-outbox-indexes';
import { corrections } from '@/lib/db/migrations/010-corrections';
import { operatorSecurity } from '@/lib/db/migrations/011-operator-security';
import { systemMetrics } from '@/lib/db/migrations/013-system-metrics';
import { chatAndImport } from '@/lib/db/migrations/014-chat-and-import';
import { integrations } from '@/lib/db/migrations/015-integrations';
import { upstream } from '@/lib/db/migrations/016-upstream';
import { pageLocale } from '@/lib/db/migrations/017-page-locale';
import { translations } from '@/lib/db/migrations/018-translations';
import { audiences } from '@/lib/db/migrations/019-audiences';
import { notices } from '@/lib/db/migrations/020-notices';
import { incidentFiles } from '@/lib/db/migrations/021-incident-files';
import { memberChannels } from '@/lib/db/migrations/022-member-channels';
import { intervalEnds } from '@/lib/db/migrations/023-interval-ends';
import { memberSubscriptions } from '@/lib/db/migrations/024-member-subscriptions';
import { noticeRetries } from '@/lib/db/migrations/025-notice-retries';
import { fileStorage } from '@/lib/db/migrations/026-file-storage';

/** Every migration, in order; a static list so bundlers see each file. */
export function migrations(dialect: SqlDialectName): Record<string, Migration> {
  return {
    '001-initial': initial(dialect),
    '002-subscribers': subscribers(dialect),
    '003-operators': operators(dialect),
    '004-live-version': liveVersion(),
    '005-rate-limits': rateLimits(dialect),
    '006-hashed-tokens': hashedTokens(),
    '007-concurrency': concurrency(dialect),
    '008-alert-events': alertEvents(dialect),
    '009-outbox-indexes': outboxIndexes(),
    '010-corrections': corrections(dialect),
    '011-operator-security': operatorSecurity(dialect),
    '013-system-metrics': systemMetrics(dialect),
    '014-chat-and-import': chatAndImport(dialect),
    '015-integrations': integrations(dialect),
    '016-upstream': upstream(dialect),
    '017-page-locale': pageLocale(),
    '018-translations': translations(dialect),
    '019-audiences': audiences(dialect),
    '020-notices': notices(dialect),
    '021-incident-files': incidentFiles(dialect),
    '022-member-channels': memberChannels(dialect),
    '023-interval-ends': intervalEnds(),
    '024-member-subscriptions': memberSubscriptions(),
    '025-notice-retries': noticeRetries(dialect),
    '026-file-storage': fileStorage(),
  };
}
