import { ForbiddenException } from '@nestjs/common';
import type { PolicyName } from '@zw/auth';
import { INDICATOR_ERRORS, PROJECT_ERRORS, TASK_ERRORS } from '@zw/domain';

/** Why the gate said no: the role is not in the policy, or the department takes no part. */
export type RefusalReason = 'role' | 'resource';

/**
 * The 403 a refusal at the gate answers. On a command route it is the code the domain would
 * have given (docs/task-state-machine.md: `TASK.OFFICE_ONLY`, `TASK.DEPARTMENT_ONLY`,
 * `TASK.DEPARTMENT_NOT_ASSIGNED`; the same for indicators and projects), so a client sees one
 * code whichever layer refused first; elsewhere `AUTH.FORBIDDEN`.
 */
export function refusal(policy: PolicyName, officeOnly: boolean, why: RefusalReason): ForbiddenException {
  const [family, action] = policy.split('.') as [string, string | undefined];
  const command = action !== 'read' && action !== undefined;
  if (command && family === 'task') {
    const code =
      why === 'resource' ? 'TASK.DEPARTMENT_NOT_ASSIGNED' : officeOnly ? 'TASK.OFFICE_ONLY' : 'TASK.DEPARTMENT_ONLY';
    return forbidden(code, TASK_ERRORS[code][1]);
  }
  if (command && family === 'indicator') {
    const code = officeOnly ? 'INDICATOR.OFFICE_ONLY' : 'INDICATOR.DEPARTMENT_ONLY';
    return forbidden(code, INDICATOR_ERRORS[code][1]);
  }
  if (command && family === 'project') {
    const code = officeOnly ? 'PROJECT.OFFICE_ONLY' : 'PROJECT.DEPARTMENT_ONLY';
    return forbidden(code, PROJECT_ERRORS[code][1]);
  }
  return forbidden('AUTH.FORBIDDEN', '无权执行此操作（不属于本角色或本单位的工作）');
}

function forbidden(code: string, message: string): ForbiddenException {
  return new ForbiddenException({ code, message, details: {} });
}
