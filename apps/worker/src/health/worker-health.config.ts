/**
 * Where the worker answers its health probes (WORKER_HEALTH_PORT, WORKER_HEALTH_HOST): the worker
 * serves no other HTTP, so this is off unless the port is set (docker-compose.yml sets 9465).
 * Bound to 127.0.0.1 unless WORKER_HEALTH_HOST says otherwise: a container's own healthcheck
 * reaches it there, nothing outside does.
 */
export interface WorkerHealthAddress {
  readonly port: number;
  readonly host: string;
}

export class WorkerHealthConfigError extends Error {}

/** The address, undefined when WORKER_HEALTH_PORT is unset; a bad value is refused by name. */
export function parseWorkerHealth(env: NodeJS.ProcessEnv): WorkerHealthAddress | undefined {
  const port = env.WORKER_HEALTH_PORT;
  if (port === undefined || port === '') return undefined;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535)
    throw new WorkerHealthConfigError(`WORKER_HEALTH_PORT="${port}" must be an integer from 0 to 65535`);
  return { port: Number(port), host: env.WORKER_HEALTH_HOST || '127.0.0.1' };
}
