import type { SchemaObject } from '@nestjs/swagger';
import { USER_ROLES } from '@zw/auth';
import { bool, date, instant, int, list, nullable, object, oneOf, open, ref, str } from './kit';

/** Sessions and accounts, and the failed reminders (a plan's answers: plan.schemas.ts). */
const user = {
  username: str('用户名'),
  displayName: str('姓名或单位名'),
  role: oneOf(USER_ROLES, '角色'),
  department: nullable(str('所属单位（责任单位账号）')),
  organisationId: str('所属组织'),
  mustChangePassword: bool('须先修改密码（他人设置的密码）'),
  createdAt: instant('创建时间'),
};
const tokens = {
  accessToken: str('访问令牌（Bearer），保存在页面内存中'),
  tokenType: oneOf(['Bearer']),
  expiresIn: int('访问令牌有效秒数'),
  refreshToken: str('刷新令牌；浏览器会话（cookie: true）时不返回，改由 HttpOnly Cookie 携带'),
  refreshExpiresAt: instant('刷新令牌到期时间'),
};

export const ACCOUNT_SCHEMAS: Record<string, SchemaObject> = {
  CurrentUser: object(user),
  Session: object({ ...tokens, user: ref('CurrentUser') }, ['refreshToken']),
  UserAccount: object(
    {
      ...user,
      status: oneOf(['active', 'disabled'], '账号状态'),
      statusLabel: str('账号状态（中文）'),
      temporaryPassword: str('一次性临时密码（仅在生成时返回一次）'),
    },
    ['temporaryPassword'],
  ),
  UserList: list(ref('UserAccount')),
  FailedReminders: object({
    jobs: list(
      open('发送失败的催办', {
        jobId: str('催办任务编号'),
        planId: str('计划编号'),
        taskCode: str('任务编号'),
        rule: str('提醒规则'),
        department: str('单位'),
        dueDate: date('期限'),
        fireAt: instant('计划发送时间'),
        attempts: int('已尝试次数'),
        error: str('最后一次错误'),
      }),
    ),
  }),
  ReminderRetried: object({ jobId: str('催办任务编号'), retried: { type: 'boolean', enum: [true] } }),
};
