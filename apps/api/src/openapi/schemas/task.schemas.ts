import type { SchemaObject } from '@nestjs/swagger';
import {
  ACKNOWLEDGEMENT_LABELS,
  EXTENSION_STATUS_LABELS,
  MILESTONE_LABELS,
  PART_ROLE_LABELS,
  STATUS_LABELS,
} from '@zw/domain';
import { REPORTING_CADENCES } from '@zw/plan';
import { bool, date, dictionary, instant, int, list, nullable, num, object, oneOf, ref, revision, str } from './kit';

/** A task's answers: its view (assigned, or the plan's row while 待交办) and the list (audit trail: audit.schemas.ts). */
const keys = (labels: object) => Object.keys(labels);
/** An assigned task's status: every status but 待交办 (that answer is UnassignedTaskView). */
const status = oneOf(
  keys(STATUS_LABELS).filter((s) => s !== 'unassigned'),
  '任务状态',
);
const role = oneOf(keys(PART_ROLE_LABELS), '牵头 lead / 配合 cooperating');

const Evidence = object(
  {
    title: str('名称'),
    url: str('链接'),
    documentRef: str('文号'),
    sha256: str('文件指纹（SHA-256，十六进制）'),
    file: object({
      sha256: str('文件编号（SHA-256），GET /files/{fileId} 下载'),
      name: str('文件名'),
      size: int('字节数'),
      mediaType: str('按内容识别的类型'),
    }),
  },
  ['url', 'documentRef', 'sha256', 'file'],
);

const TaskDepartment = object({
  name: str('单位'),
  role,
  roleLabel: str('牵头 / 配合'),
  acknowledgeBy: date('签收期限'),
  acknowledged: nullable(object({ at: instant('签收时间'), late: bool('是否逾期签收') })),
  acknowledgement: oneOf(keys(ACKNOWLEDGEMENT_LABELS), '签收情况'),
  acknowledgementLabel: str('签收情况（中文）'),
});

const TaskMilestone = object({
  milestoneId: str('里程碑编号'),
  title: str('名称'),
  dueDate: date('期限（经批准的延期后）'),
  owner: str('责任单位'),
  originalDueDate: date('最初的期限'),
  completion: nullable(
    object({
      department: str('完成单位'),
      evidence: list(ref('Evidence'), '佐证材料'),
      note: str('说明'),
      late: bool('是否逾期完成'),
      at: instant('完成时间'),
    }),
  ),
  progress: oneOf(keys(MILESTONE_LABELS), '完成情况'),
  statusLabel: str('完成情况（中文）'),
});

const TaskExtension = object(
  {
    extensionId: str('延期申请编号'),
    target: object({ kind: oneOf(['task', 'milestone'], '延期对象'), milestoneId: str('里程碑编号') }, ['milestoneId']),
    requestedBy: str('申请单位'),
    reason: str('理由'),
    previousDueDate: date('原期限'),
    newDueDate: date('申请的新期限'),
    requestedAt: instant('申请时间'),
    status: oneOf(keys(EXTENSION_STATUS_LABELS), '审批状态'),
    decision: object({ at: instant('审批时间'), note: str('审批意见') }),
    statusLabel: str('审批状态（中文）'),
  },
  ['decision'],
);

const planRowFields = {
  planId: str('计划编号'),
  code: str('任务编号'),
  title: str('任务名称'),
  text: str('任务内容（计划原文）'),
  system: str('体系'),
  area: str('领域'),
  window: str('时间（计划原文，如 2024、2023-2025、持续开展）'),
};

/** 待交办: the plan's row (附件3), what 交办 will be about. */
const UnassignedTaskView = object({
  status: oneOf(['unassigned'], '待交办'),
  statusLabel: str('待交办'),
  revision: { type: 'string', nullable: true, enum: [null], description: '未交办时为 null' },
  ...planRowFields,
  lead: list(str(), '计划中的牵头单位'),
  cooperating: list(str(), '计划中的配合单位'),
  defaultMilestones: list(
    object({
      milestoneId: str('里程碑编号（y2023…，交办时沿用）'),
      title: str('名称'),
      dueDate: date('期限'),
      owner: str('责任单位（第一个可交办的牵头单位；无则为空）'),
    }),
    '不指定里程碑时交办给出的默认里程碑（按计划设置与今日推算；持续开展类为空）',
  ),
});

const AssignedTaskView = object(
  {
    status,
    statusLabel: str('任务状态（中文）'),
    revision: revision('任务版本（ETag）'),
    ...planRowFields,
    ongoing: bool('持续开展类（按期报送进展，无完成期限）'),
    source: oneOf(['plan', 'office'], '来自任务清单 plan / 无废办新建 office'),
    dueDate: nullable(date('完成期限')),
    originalDueDate: nullable(date('最初的完成期限')),
    reporting: nullable(oneOf(REPORTING_CADENCES, '进展报送周期（持续开展类）')),
    assignedAt: instant('交办时间'),
    departments: list(TaskDepartment, '责任单位（牵头在前）'),
    milestones: list(TaskMilestone, '里程碑'),
    extensions: list(TaskExtension, '延期申请'),
    progress: dictionary(object({ percent: num('进度（%）'), reportedAt: instant('报送时间') }), '各单位最新进展'),
    periodicReports: dictionary(list(str()), '各期已报送进展的单位（期次 → 单位）'),
    signOff: object({
      requestedBy: str('提请会签的牵头单位'),
      requestedAt: instant('提请时间'),
      awaiting: list(str(), '须会签的配合单位'),
      signed: dictionary(instant(), '已会签的单位 → 时间'),
    }),
    acceptance: object({
      closure: oneOf(['completed', 'ongoing_closed'], '办结方式'),
      note: str('办结意见'),
      acceptedAt: instant('办结时间'),
    }),
    cancellation: object({
      reason: str('撤销理由'),
      previousStatus: oneOf(['assigned', 'in_progress', 'sign_off_requested', 'awaiting_acceptance'], '撤销前的状态'),
      cancelledAt: instant('撤销时间'),
    }),
  },
  ['signOff', 'acceptance', 'cancellation'],
);

export const TASK_SCHEMAS: Record<string, SchemaObject> = {
  Evidence,
  TaskView: { oneOf: [ref('AssignedTaskView'), ref('UnassignedTaskView')] },
  AssignedTaskView,
  UnassignedTaskView,
  TaskList: list(ref('TaskView'), '计划的全部任务（清单中的与无废办新建的）'),
};
