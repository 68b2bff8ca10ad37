import { Controller, Get, Inject, Module, NotFoundException, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EVENT_STORE,
  EventStoreModule,
  verifyChains,
  verifyStream,
  type ChainBreak,
  type EventStore,
} from '@zw/event-store';
import { FILE_STORAGE, verifyReferencedFiles, type FileStorage, type FilesReport } from '@zw/files';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { FilesModule } from '../files/files.module';
import { AuditScope } from './audit-scope';

/** Tamper evidence for the office: does every stream's hash chain still verify? */
@ApiTags('审计')
@Controller('audit')
class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(FILE_STORAGE) private readonly files: FileStorage,
    private readonly scope: AuditScope,
  ) {}

  /**
   * Walks every stream in the caller's reach (or the one named by `?stream=`) and reports the
   * first break; another district's streams are neither checked nor named (audit-scope.ts). A
   * stream with no events is 404, not "校验通过": an empty chain proves nothing about a mistyped
   * name. The whole check also reads every referenced 佐证材料 file back against its SHA-256.
   */
  @Policy('audit.verify')
  @Get('verify')
  async verify(@CurrentActor() actor: Actor, @Query('stream') stream?: string) {
    const inReach = await this.scope.of(actor);
    if (stream === undefined || stream === '')
      return auditReport(
        await verifyChains(this.store, inReach),
        await verifyReferencedFiles(this.store, this.files, inReach),
      );
    // The office's own audit route, rarely called: the stream is read once to see that it exists.
    // A stream of another district is answered as one that does not exist.
    const exists =
      typeof stream === 'string' &&
      stream.length <= 300 &&
      inReach(stream) &&
      (await this.store.readStream(stream)).length > 0;
    if (!exists)
      throw new NotFoundException({ code: 'AUDIT.STREAM_NOT_FOUND', message: '没有这个事件流，无法校验', details: {} });
    return { stream, ...withBreak(await verifyStream(this.store, stream)) };
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

/** The chains and the referenced files together: either failing fails the audit. */
export function auditReport(chains: Parameters<typeof withBreak>[0], files: FilesReport) {
  const ok = chains.ok && files.ok;
  return { ...withBreak({ ...chains, ok }), files };
}

@Module({
  imports: [EventStoreModule, FilesModule, OrganisationsModule, AuthModule],
  controllers: [AuditController],
  providers: [AuditScope],
})
export class AuditModule {}
