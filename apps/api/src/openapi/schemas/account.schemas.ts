import type { SchemaObject } from '@nestjs/swagger';
import { USER_ROLES } from '@zw/auth';
import { bool, date, instant, int, list, nullable, object, oneOf, open, ref, str } from './kit';

/** Sessions and accounts, the failed reminders, and the plan's lists and validation report. */
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
  // libs/plan validation-report.ts: every report recorded since the first import has these fields.
  PlanValidationReport: open(
    '计划校验报告：计数、投资合计与结构检查',
    {
      planId: str('计划编号'),
      planVersion: str('计划文件版本'),
      ok: bool('是否无错误'),
      counts: list(open('一项计数：正文所称与清单实列')),
      findings: list(
        open(
          '一项发现',
          {
            severity: oneOf(['error', 'warning', 'info'], '错误 / 警告 / 提示'),
            code: str('发现代码'),
            message: str('说明（中文）'),
            details: open('细节：所在位置 locations / location、文件中的路径 path 等'),
          },
          ['severity', 'code', 'message', 'details'],
        ),
      ),
      summary: object({ error: int(), warning: int(), info: int() }),
    },
    ['planId', 'planVersion', 'ok', 'counts', 'findings', 'summary'],
  ),
  PlanList: list(open('清单的一行（按清单：部门、外部单位、任务、指标、项目等，字段取自计划文件）')),
};
