import { SetMetadata, UseInterceptors } from '@nestjs/common';
import type { PolicyName } from '@zw/auth';
import { ScopeRowsInterceptor } from './access/scope-rows.interceptor';
import { POLICY_KEY } from './policy.key';

export { POLICY_KEY };

/**
 * Names the row of the policy table (libs/auth policy.table.ts) that guards a route. Every
 * route carries one: the access guard refuses a route without it, and the matrix test
 * enumerates routes by it.
 */
export const Policy = (name: PolicyName) => SetMetadata(POLICY_KEY, name);

/**
 * For an `own-department` list route: a department user gets only the rows naming its
 * department (`row.departments`). Office and leaders get every row.
 */
export const ScopeRows = () => UseInterceptors(ScopeRowsInterceptor);
