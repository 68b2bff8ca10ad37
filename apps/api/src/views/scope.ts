import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '../actor/actor';

/**
 * The department a view is confined to: a department user sees only its own work, and asking
 * for another department's is refused (403), not silently emptied; others see what they ask.
 */
export function confinedDepartment(actor: Actor, requested: string | undefined): string | undefined {
  if (actor.role !== 'department') return requested;
  if (requested !== undefined && requested !== actor.department) {
    throw new ForbiddenException({ code: 'AUTH.FORBIDDEN', message: '无权查看其他单位的工作' });
  }
  return actor.department ?? '';
}
