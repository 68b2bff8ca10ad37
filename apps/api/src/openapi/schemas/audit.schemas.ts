import type { SchemaObject } from '@nestjs/swagger';
import { bool, date, instant, int, list, nullable, object, oneOf, open, ref, revision, str } from './kit';

/** A task's audit trail (GET /tasks/{code}/audit-trail): who did what when, and the hash chain's check. */
const AuditTrail = object({
  planId: str('计划编号'),
  code: str('任务编号'),
  asOf: date('视图所示日期'),
  chain: object(
    {
      ok: bool('哈希链是否完好（整条事件流）'),
      result: str('校验通过 / 发现篡改或缺失'),
      firstBreak: ref('ChainBreak'),
    },
    ['firstBreak'],
  ),
  entries: list(
    object({
      revision: int('事件在任务流中的序号'),
      position: revision('全局位置'),
      type: str('事件类型'),
      action: str('做了什么（中文）'),
      occurredAt: instant('发生时间'),
      recordedAt: instant('记录时间'),
      actor: object({ id: str('账号'), role: str('角色'), department: nullable(str('单位')) }),
      data: open('事件记录的数据（按事件类型）'),
      changes: list(object({ field: str('字段（中文）'), from: nullable(str()), to: nullable(str()) }), '变化'),
      hash: nullable(str('本事件的哈希')),
    }),
  ),
});

export const AUDIT_SCHEMAS: Record<string, SchemaObject> = {
  AuditTrail,
  ChainBreak: object({
    streamId: str('事件流'),
    revision: revision('断开处的序号'),
    field: oneOf(['hash']),
    expected: nullable(str()),
    found: nullable(str()),
  }),
};
