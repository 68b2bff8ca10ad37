import { errorFactory, type DomainError, type DomainErrorKind } from '../shared/domain-error';

/**
 * Every way a task command can be refused: one stable code, one kind, one message. The
 * table is the single source; docs/task-state-machine.md lists it and a test keeps them equal.
 */
export const TASK_ERRORS = {
  // Who may act
  'TASK.OFFICE_ONLY': ['forbidden', '仅无废办可执行此操作'],
  'TASK.DEPARTMENT_ONLY': ['forbidden', '仅责任单位可执行此操作（需以部门身份并注明所在单位）'],
  'TASK.DEPARTMENT_NOT_ASSIGNED': ['forbidden', '本单位不是该任务的牵头或配合单位'],
  'TASK.NOT_LEAD': ['forbidden', '仅牵头单位可执行此操作'],
  'TASK.NOT_COOPERATING': ['forbidden', '仅配合单位参与会签'],
  'TASK.NOT_MILESTONE_OWNER': ['forbidden', '仅该节点的责任单位或牵头单位可完成此节点'],
  // Lifecycle
  'TASK.NOT_ASSIGNED': ['conflict', '任务尚未交办'],
  'TASK.ALREADY_ASSIGNED': ['conflict', '任务已交办，不能重复交办'],
  'TASK.CLOSED': ['conflict', '任务已办结或已撤销，不能再操作'],
  'TASK.NOT_ACKNOWLEDGED': ['conflict', '尚有责任单位未签收'],
  'TASK.DEPARTMENT_NOT_ACKNOWLEDGED': ['conflict', '本单位尚未签收该任务'],
  'TASK.ALREADY_ACKNOWLEDGED': ['conflict', '本单位已签收该任务'],
  'TASK.NOT_IN_PROGRESS': ['conflict', '任务不在办理中（会签或待办结期间不能执行此操作）'],
  'TASK.NOT_ONGOING': ['conflict', '仅持续开展类任务按期报送进展'],
  'TASK.ONGOING_NO_SIGN_OFF': ['conflict', '持续开展类任务不申请会签办结，由无废办在计划期末办结'],
  'TASK.PERIOD_ALREADY_REPORTED': ['conflict', '本单位已报送该期进展'],
  // Milestones
  'TASK.MILESTONE_NOT_FOUND': ['not_found', '节点不存在'],
  'TASK.MILESTONE_ALREADY_EXISTS': ['conflict', '节点编号已存在'],
  'TASK.MILESTONE_ALREADY_COMPLETED': ['conflict', '节点已完成'],
  'TASK.MILESTONE_NOT_COMPLETED': ['conflict', '节点尚未完成，无需退回'],
  'TASK.MILESTONES_INCOMPLETE': ['conflict', '尚有节点未完成，不能申请会签'],
  // Sign-off and acceptance
  'TASK.NOT_AWAITING_SIGN_OFF': ['conflict', '任务不在会签中'],
  'TASK.ALREADY_SIGNED_OFF': ['conflict', '本单位已会签'],
  'TASK.SIGN_OFF_INCOMPLETE': ['conflict', '尚有配合单位未会签'],
  'TASK.NOT_AWAITING_ACCEPTANCE': ['conflict', '任务不在待办结状态'],
  // Extensions
  'TASK.EXTENSION_NOT_FOUND': ['not_found', '延期申请不存在'],
  'TASK.EXTENSION_ALREADY_EXISTS': ['conflict', '延期申请编号已存在'],
  'TASK.EXTENSION_PENDING': ['conflict', '该期限已有待审批的延期申请'],
  'TASK.EXTENSION_ALREADY_DECIDED': ['conflict', '该延期申请已审批'],
  'TASK.EXTENSION_AFTER_DUE': ['conflict', '已过期限，不能再申请延期'],
  'TASK.NO_DUE_DATE': ['conflict', '持续开展类任务没有完成期限，无需延期'],
  'TASK.EXTENSION_NOT_LATER': ['invalid', '延期后的日期应晚于原期限'],
  // Values the request DTO cannot judge alone
  'TASK.INVALID_TIME': ['invalid', '操作时间无效（应为带时区的 ISO 8601 时间）'],
  'TASK.INVALID_DATE': ['invalid', '日期无效（应为 YYYY-MM-DD）'],
  'TASK.DUE_DATE_IN_PAST': ['invalid', '期限不能早于交办（操作）当日'],
  'TASK.INVALID_DUE_DATE': ['invalid', '持续开展类任务不设完成期限，其他任务必须设完成期限'],
  'TASK.MILESTONE_AFTER_DUE': ['invalid', '节点期限不能晚于任务完成期限'],
  'TASK.INVALID_REPORTING': ['invalid', '仅持续开展类任务设定报送周期'],
  'TASK.INVALID_DEPARTMENTS': ['invalid', '责任单位无效：须至少一个牵头单位，且单位不得重复'],
  'TASK.MILESTONE_OWNER_NOT_ASSIGNED': ['invalid', '节点责任单位须为该任务的牵头或配合单位'],
  'TASK.REASSIGNMENT_UNCHANGED': ['invalid', '改派前后责任单位相同'],
  'TASK.INVALID_PLAN_FACTS': ['invalid', '任务信息无效（计划编号、任务编号、名称不能为空或含非法字符）'],
  'TASK.TEXT_REQUIRED': ['invalid', '内容不能为空'],
  'TASK.REASON_REQUIRED': ['invalid', '须填写理由'],
  'TASK.INVALID_PERCENT': ['invalid', '完成进度应为 0 至 100 的整数'],
  'TASK.INVALID_PERIOD': ['invalid', '报送期次无效（格式不符报送周期，或期次尚未开始、早于交办）'],
  'TASK.EVIDENCE_REQUIRED': ['invalid', '完成节点须附佐证材料'],
  'TASK.INVALID_EVIDENCE': [
    'invalid',
    '佐证材料须有名称及链接、文档编号或上传的文件，哈希值应为 64 位十六进制 SHA-256',
  ],
} as const satisfies Record<string, readonly [DomainErrorKind, string]>;

export type TaskErrorCode = keyof typeof TASK_ERRORS;

export const taskError: (code: TaskErrorCode, details?: Record<string, unknown>) => DomainError =
  errorFactory(TASK_ERRORS);
