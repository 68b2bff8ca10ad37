import type { SchemaObject } from '@nestjs/swagger';
import { ACCOUNT_SCHEMAS } from './schemas/account.schemas';
import { ACCOUNTABILITY_SCHEMAS } from './schemas/accountability.schemas';
import { AUDIT_SCHEMAS } from './schemas/audit.schemas';
import { BOARD_SCHEMAS } from './schemas/board.schemas';
import { ITEM_SCHEMAS } from './schemas/item.schemas';
import { PLAN_SCHEMAS } from './schemas/plan.schemas';
import { bool, dictionary, int, list, nullable, object, oneOf, open, revision, str } from './schemas/kit';
import { TASK_SCHEMAS } from './schemas/task.schemas';
import { VIEW_SCHEMAS } from './schemas/view.schemas';

/**
 * The JSON the api answers, as OpenAPI schemas (components.schemas), by area under schemas/.
 * Objects are closed (`additionalProperties: false`): a field the api adds is documented first,
 * else the response-validation test (test/support/response-contract.ts) fails the e2e suite.
 */
export const ERROR_RESPONSE: SchemaObject = {
  ...object({
    statusCode: int('HTTP 状态码'),
    code: str('稳定的错误代码，见 docs/errors.md'),
    message: str('中文说明，可直接展示给用户'),
    details: open(
      '补充信息：校验错误为 fields（[{field, reason}]），版本冲突为 currentRevision，其他错误按代码说明；总是对象',
      {
        fields: list(object({ field: str('字段路径，如 milestones[0].dueDate'), reason: str('中文原因') })),
        currentRevision: nullable(revision('当前版本（版本冲突时），用作新的 If-Match')),
      },
    ),
  }),
  // Errors thrown by libraries are rewritten to this shape; a later version may add fields.
  additionalProperties: true,
};

const command = {
  revision: revision('命令后的版本（即新的 ETag）'),
  position: nullable(revision('最后一个事件的全局位置（读己之写：X-Min-Position）；无变化时为 null')),
  events: list(str(), '记录的事件类型（无变化时为空）'),
  replayed: bool('是否为幂等重放（未重复记录）'),
};

export const RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
  ErrorResponse: ERROR_RESPONSE,
  ...ACCOUNT_SCHEMAS,
  ...TASK_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...VIEW_SCHEMAS,
  ...ACCOUNTABILITY_SCHEMAS,
  ...ITEM_SCHEMAS,
  ...BOARD_SCHEMAS,
  ...PLAN_SCHEMAS,
  TaskCommandResponse: object(
    {
      code: str('任务编号'),
      ...command,
      status: oneOf(['assigned', 'in_progress', 'sign_off_requested', 'awaiting_acceptance', 'accepted', 'cancelled']),
      statusLabel: str('任务状态（中文）'),
      extensionId: str('新延期申请的编号（申请延期时）'),
      milestoneId: str('新里程碑的编号（新增里程碑时）'),
      notAssigned: list(
        object({ name: str('单位'), role: oneOf(['lead', 'cooperating']), code: str('原因代码'), reason: str('原因') }),
        '未列入的单位及原因（交办、改派时）',
      ),
    },
    ['extensionId', 'milestoneId', 'notAssigned'],
  ),
  ItemCommandResponse: object(
    {
      indicatorId: str('指标序号'),
      projectId: str('项目序号'),
      reportId: nullable(str('新报送的编号（报送时）')),
      ...command,
      revision: nullable(revision('命令后的版本（即新的 ETag）；从未记录时为 null')),
      data: list(open('事件记录的数据'), '各事件的数据'),
    },
    ['indicatorId', 'projectId', 'reportId'],
  ),
  Health: object(
    {
      status: oneOf(['ok', 'error'], 'ok / error'),
      info: dictionary(open('一项检查的结果'), '通过的检查'),
      error: dictionary(open('一项检查的结果'), '未通过的检查'),
      details: dictionary(open('一项检查的结果'), '全部检查'),
    },
    ['info', 'error', 'details'],
  ),
  Text: { type: 'string' },
  Binary: { type: 'string', format: 'binary' },
};
