import { errorFactory, type DomainErrorKind, type RaiseError } from '../shared/domain-error';

/** Every way an indicator command can be refused (docs/indicators.md lists them). */
export const INDICATOR_ERRORS = {
  'INDICATOR.OFFICE_ONLY': ['forbidden', '仅无废办可执行此操作'],
  'INDICATOR.DEPARTMENT_ONLY': ['forbidden', '仅责任部门可报送指标（需以部门身份并注明所在单位）'],
  'INDICATOR.NOT_RESPONSIBLE': ['forbidden', '本单位不是该指标的责任部门或数据来源单位'],
  'INDICATOR.REPORT_NOT_FOUND': ['not_found', '指标报送记录不存在'],
  'INDICATOR.REPORT_ALREADY_REVIEWED': ['conflict', '该报送已确认或已退回'],
  'INDICATOR.REPORT_SUPERSEDED': ['conflict', '该报送已被更正报送取代，请审核最新一次报送'],
  'INDICATOR.INVALID_PERIOD': ['invalid', '报送期次无效（应为规划期内已开始的年度 YYYY 或季度 YYYY-Qn）'],
  'INDICATOR.VALUE_REQUIRED': ['invalid', '数值型指标须填写“数值”，文字型指标须选择“是否达成”，二者只填其一'],
  'INDICATOR.UNIT_MISMATCH': ['invalid', '计量单位与指标单位不一致'],
  'INDICATOR.INVALID_VALUE': ['invalid', '数值无效（应为有限的非负数）'],
  // The message names the range of the indicator's unit (indicator.bounds.ts).
  'INDICATOR.VALUE_OUT_OF_RANGE': ['invalid', 'value: 数值超出该指标的合理范围'],
  'INDICATOR.SOURCE_REQUIRED': ['invalid', '须填写数据来源'],
  'INDICATOR.EVIDENCE_REQUIRED': ['invalid', '须附佐证材料'],
  'INDICATOR.INVALID_EVIDENCE': [
    'invalid',
    '佐证材料须有名称及链接、文档编号或上传的文件，哈希值应为 64 位十六进制 SHA-256',
  ],
  'INDICATOR.REASON_REQUIRED': ['invalid', '须填写理由'],
  'INDICATOR.INVALID_TASKS': ['invalid', '任务编号无效或重复'],
  'INDICATOR.INVALID_DEPARTMENTS': ['invalid', '责任部门无效：须至少一个且不得重复'],
  'INDICATOR.INVALID_TIME': ['invalid', '操作时间无效（应为带时区的 ISO 8601 时间）'],
} as const satisfies Record<string, readonly [DomainErrorKind, string]>;

export type IndicatorErrorCode = keyof typeof INDICATOR_ERRORS;

export const indicatorError: RaiseError<IndicatorErrorCode> = errorFactory(INDICATOR_ERRORS);
