import { errorFactory, type DomainErrorKind, type RaiseError } from '@zw/domain';

/**
 * Every way a user command can be refused. `USER.*` are account decisions (403/404/409/400 by
 * kind); `SESSION.*` are refresh tokens that prove nothing: the api answers them with 401 (one
 * prefix entry in its error map), and the client's only remedy is to log in again.
 */
export const USER_ERRORS = {
  // Who may act
  'USER.ADMIN_ONLY': ['forbidden', '仅系统管理员可执行此操作'],
  'USER.SYSTEM_CREATES_ADMIN_ONLY': ['forbidden', '系统初始化只能创建系统管理员账号'],
  'USER.SELF_ONLY': ['forbidden', '只能操作本人账号'],
  'USER.SELF_OR_ADMIN_ONLY': ['forbidden', '仅本人或系统管理员可执行此操作'],
  'USER.SYSTEM_ONLY': ['forbidden', '此操作只能由系统执行（升级时）'],
  'USER.CANNOT_DISABLE_SELF': ['forbidden', '不能停用本人账号'],
  // Lifecycle
  'USER.NOT_FOUND': ['not_found', '用户不存在'],
  'USER.ALREADY_EXISTS': ['conflict', '用户名已被使用'],
  'USER.DISABLED': ['forbidden', '账号已停用'],
  'USER.ALREADY_DISABLED': ['conflict', '账号已停用，无需重复停用'],
  'USER.NOT_DISABLED': ['conflict', '账号未停用'],
  // Values
  'USER.INVALID_USERNAME': ['invalid', '用户名须为 3 至 40 位小写字母、数字或 . _ -，且以字母或数字开头'],
  'USER.INVALID_ROLE': ['invalid', '角色无效（应为无废办、责任单位、领导或系统管理员）'],
  'USER.DEPARTMENT_REQUIRED': ['invalid', '责任单位账号须绑定且只绑定一个单位'],
  'USER.DEPARTMENT_NOT_ALLOWED': ['invalid', '只有责任单位账号绑定单位'],
  'USER.ORGANISATION_REQUIRED': ['invalid', '账号须属于一个组织（区、市）'],
  'USER.ORGANISATION_BOUND': ['conflict', '账号已属于另一个组织'],
  'USER.DISPLAY_NAME_REQUIRED': ['invalid', '须填写姓名（不超过 50 个字符）'],
  'USER.INVALID_PASSWORD_HASH': ['invalid', '密码须以散列形式保存'],
  'USER.REASON_REQUIRED': ['invalid', '须填写理由'],
  'USER.INVALID_TIME': ['invalid', '时间无效（应为带时区的 ISO 8601 时间）'],
  'USER.INVALID_TOKEN': ['invalid', '令牌参数无效（摘要须为 64 位十六进制，会话编号不能为空，有效期须晚于当前时间）'],
  'USER.TOKEN_EXISTS': ['conflict', '令牌或会话编号已存在'],
  'USER.INVALID_POSITION': ['invalid', '已读位置无效（应为通知的 position，非负整数）'],
  // Refresh tokens that prove nothing (→ 401)
  'SESSION.TOKEN_UNKNOWN': ['forbidden', '登录已失效，请重新登录'],
  'SESSION.TOKEN_EXPIRED': ['forbidden', '登录已过期，请重新登录'],
  'SESSION.TOKEN_REVOKED': ['forbidden', '登录已注销，请重新登录'],
} as const satisfies Record<string, readonly [DomainErrorKind, string]>;

export type UserErrorCode = keyof typeof USER_ERRORS;

export const userError: RaiseError<UserErrorCode> = errorFactory(USER_ERRORS);
