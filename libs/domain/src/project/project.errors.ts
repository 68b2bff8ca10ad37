import { errorFactory, type DomainErrorKind, type RaiseError } from '../shared/domain-error';

export const PROJECT_ERRORS = {
  'PROJECT.OFFICE_ONLY': ['forbidden', '仅无废办可执行此操作'],
  'PROJECT.DEPARTMENT_ONLY': ['forbidden', '仅项目主管部门可报送进展（需以部门身份并注明所在单位）'],
  'PROJECT.NOT_SUPERVISOR': ['forbidden', '本单位不是该项目的主管部门（方案未列明的，由无废办指定）'],
  'PROJECT.INVALID_PHASE': ['invalid', '项目阶段无效'],
  'PROJECT.INVALID_INVESTMENT': ['invalid', '累计完成投资应为非负数（万元，至多两位小数）'],
  // The message names the configured ceiling (MAX_INVESTMENT_WAN_YUAN).
  'PROJECT.INVESTMENT_TOO_LARGE': ['invalid', 'investmentCompleted: 累计完成投资超过上限'],
  'PROJECT.INVALID_MILESTONE': ['invalid', '节点须有名称和日期（YYYY-MM-DD）'],
  'PROJECT.INVALID_EVIDENCE': [
    'invalid',
    '佐证材料须有名称及链接、文档编号或上传的文件，哈希值应为 64 位十六进制 SHA-256',
  ],
  'PROJECT.INVALID_DEPARTMENTS': ['invalid', '主管部门无效：须至少一个且不得重复'],
  'PROJECT.REASON_REQUIRED': ['invalid', '须填写理由'],
  'PROJECT.INVALID_TIME': ['invalid', '操作时间无效（应为带时区的 ISO 8601 时间）'],
} as const satisfies Record<string, readonly [DomainErrorKind, string]>;

export type ProjectErrorCode = keyof typeof PROJECT_ERRORS;

export const projectError: RaiseError<ProjectErrorCode> = errorFactory(PROJECT_ERRORS);
