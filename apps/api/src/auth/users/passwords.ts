import { BadRequestException } from '@nestjs/common';
import { generateSecret, passwordProblems } from '@zw/auth';
import { DomainError } from '@zw/domain';

/** Runs the password policy check and turns its refusal into a 400 naming the field. */
export function passwordRejected(check: () => void, field: string): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new BadRequestException({
      code: error.code,
      message: error.message,
      details: { fields: [{ field, reason: error.message }] },
    });
  }
}

/**
 * A password nobody chose (an admin's new account or reset, the bootstrap admin): 24
 * random base64url characters, redrawn in the rare case it breaks the policy.
 */
export function temporaryPassword(username: string): string {
  for (;;) {
    const candidate = generateSecret(18);
    if (passwordProblems(candidate, username).length === 0) return candidate;
  }
}
