import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EVENT_STORE,
  EventStoreModule,
  verifyChains,
  verifyStream,
  type ChainBreak,
  type EventStore,
} from '@zw/event-store';
import { Policy } from '../auth/policy.decorator';

/** Tamper evidence for the office: does every stream's hash chain still verify? */
@ApiTags('审计')
@Controller('audit')
class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Walks every stream (or the one named by `?stream=`) and reports the first break. */
  @Policy('audit.verify')
  @Get('verify')
  async verify(@Query('stream') stream?: string) {
    if (stream) return { stream, ...withBreak(await verifyStream(this.store, stream)) };
    return withBreak(await verifyChains(this.store));
  }
}

export function withBreak<R extends { ok: boolean; firstBreak?: ChainBreak }>(report: R) {
  const { firstBreak, ...rest } = report;
  return {
    ...rest,
    result: report.ok ? '校验通过' : '发现篡改或缺失',
    ...(firstBreak ? { firstBreak: { ...firstBreak, revision: firstBreak.revision.toString() } } : {}),
  };
}

@Module({ imports: [EventStoreModule], controllers: [AuditController] })
export class AuditModule {}
