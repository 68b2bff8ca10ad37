import { errorFactory, type DomainError, type DomainErrorKind } from '../shared/domain-error';

export const ORGANISATION_ERRORS = {
  'ORGANISATION.ADMIN_ONLY': ['forbidden', '仅系统管理员可建立、更名或调整组织'],
  'ORGANISATION.ATTACH_FORBIDDEN': ['forbidden', '仅无废办或系统管理员可将计划归入组织'],
  'ORGANISATION.INVALID_ID': ['invalid', '组织编号应为 1-63 位小写字母、数字或连字符，以字母或数字开头'],
  'ORGANISATION.INVALID_NAME': ['invalid', '组织名称不能为空，且不超过 60 个字'],
  'ORGANISATION.INVALID_KIND': ['invalid', '组织层级应为 区（县）/ 市 / 省 之一'],
  'ORGANISATION.INVALID_PLAN': ['invalid', '计划编号无效'],
  'ORGANISATION.PARENT_NOT_FOUND': ['invalid', '上级组织不存在'],
  'ORGANISATION.PARENT_LEVEL': ['invalid', '上级组织层级不符：区（县）隶属于市，市隶属于省，省无上级'],
  'ORGANISATION.EXISTS': ['conflict', '组织编号已被使用'],
  'ORGANISATION.NAME_TAKEN': ['conflict', '同一上级下已有同名组织'],
  'ORGANISATION.NOT_FOUND': ['not_found', '组织不存在'],
  'ORGANISATION.PLAN_TAKEN': ['conflict', '该计划已归属其他组织，一个计划只能属于一个组织'],
  'ORGANISATION.INVALID_TIME': ['invalid', '操作时间无效（应为带时区的 ISO 8601 时间）'],
} as const satisfies Record<string, readonly [DomainErrorKind, string]>;

export type OrganisationErrorCode = keyof typeof ORGANISATION_ERRORS;

export const organisationError: (code: OrganisationErrorCode, details?: Record<string, unknown>) => DomainError =
  errorFactory(ORGANISATION_ERRORS);
