import type { INestApplication } from '@nestjs/common';
import { hashPassword, type ScryptCost, userStreamId } from '@zw/auth';
import { systemClock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { systemMetadata } from '../../apps/api/src/actor/actor';
import { TEST_PASSWORD } from './sign-in';

/** What every password hash was made with before the cost was raised to OWASP's minimum. */
export const OLD_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/**
 * An office account as an older version stored it: its UserCreated (password TEST_PASSWORD,
 * already changed by its owner) carries a hash of the old cost. Appended to the store directly,
 * since this version's commands make hashes of the current cost only.
 */
export async function createOldCostAccount(app: INestApplication, username: string): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const meta = systemMetadata('test:old-version', systemClock);
  const data = {
    username,
    displayName: username,
    role: 'office',
    department: null,
    organisationId: app.get<AppConfig>(APP_CONFIG).defaultOrganisationId,
    passwordHash: await hashPassword(TEST_PASSWORD, OLD_SCRYPT_COST),
    mustChangePassword: false,
    createdAt: meta.occurredAt,
  };
  await store.append(userStreamId(username), [{ type: 'UserCreated', data, metadata: meta }], 'no_stream');
}
