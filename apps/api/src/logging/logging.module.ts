import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@zw/config';
import { LoggerModule } from 'nestjs-pino';
import { redactRequest } from '../security/log-redaction';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * JSON logs (pino). Each request gets a correlation id, taken from the caller's
 * `X-Correlation-Id` when it is sane, echoed in the response and later stored in the
 * metadata of every event the request causes.
 */
export function loggingModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('X-Correlation-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // Calendar feed keys are capabilities: never in the access log (docs/security.md).
      serializers: { req: redactRequest },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
    },
  });
}
