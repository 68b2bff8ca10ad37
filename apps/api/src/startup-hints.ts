import type { AddressInfo } from 'node:net';
import { eventStoreKind, type AppConfig } from '@zw/config';

/**
 * The start log's address as the socket is really bound: `0.0.0.0` is every interface (Nest's
 * getUrl() would print 127.0.0.1 and hide that the api is reachable from outside).
 */
export function listeningAddress(address: AddressInfo | string | null): string {
  if (address === null) return 'an unknown address';
  if (typeof address === 'string') return address; // a Unix socket or pipe
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  return `http://${host}:${address.port}${everywhere ? ` (every interface; on this machine http://127.0.0.1:${address.port})` : ''}`;
}

/** How this process was started: from the Docker image, from the build (dist/), or from source. */
export type Runtime = 'container' | 'compiled' | 'source';

export function runtimeOf(env: NodeJS.ProcessEnv, entryFile: string): Runtime {
  if (env.ZW_CONTAINER === '1') return 'container';
  return entryFile.endsWith('.js') ? 'compiled' : 'source';
}

/** The exact command that creates the first admin here (it prints a one-time password). */
export function firstAdminCommand(config: AppConfig, runtime: Runtime): string {
  switch (runtime) {
    case 'container':
      return 'docker compose run --rm api users bootstrap   (in the image itself: node dist/apps/api/src/auth/users.cli.js bootstrap)';
    case 'compiled':
    case 'source': {
      // The CLI opens the same store: on the embedded default that is the data folder.
      const prefix = eventStoreKind(config) === 'sqlite' ? `DATA_DIR=${config.dataDir} ` : '';
      const command =
        runtime === 'compiled' ? 'node dist/apps/api/src/auth/users.cli.js bootstrap' : 'npm run users -- bootstrap';
      const same = prefix === '' ? '   (with the same store settings as this api)' : '';
      return `${prefix}${command}${same}`;
    }
    default: {
      const never: never = runtime;
      return never;
    }
  }
}
