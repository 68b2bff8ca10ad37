import { SetMetadata } from '@nestjs/common';
import type { PolicyName } from '@zw/auth';

export const POLICY_KEY = 'zw:policy';

/**
 * Names the row of the policy table (libs/auth policy.table.ts) that guards a route. Every
 * route carries one: the access guard refuses a route without it, and the matrix test
 * enumerates routes by it.
 */
export const Policy = (name: PolicyName) => SetMetadata(POLICY_KEY, name);
