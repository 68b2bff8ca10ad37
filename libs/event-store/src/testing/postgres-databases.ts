import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * PostgreSQL for tests. scripts/test.mjs creates one database per run and passes it as
 * TEST_PG_URL; suites that need a database to themselves (a fresh schema, several processes)
 * create one on the administrative connection TEST_DATABASE_URL and drop it afterwards.
 */
export function testPostgresUrl(): string | undefined {
  return process.env.TEST_PG_URL || undefined;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

const adminUrl = () => process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `zw_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
