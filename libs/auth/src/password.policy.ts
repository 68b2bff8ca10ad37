import { DomainError } from '@zw/domain';

/**
 * The password rule, kept short enough to state on the form (NIST SP 800-63B favours length
 * over composition rules, so the only composition rule is a mild one):
 * - 12 to 128 characters (after NFKC normalisation, counted as characters, not bytes);
 * - at least two kinds of characters among lower-case letters, upper-case letters, digits
 *   and anything else (symbols, Chinese characters);
 * - not containing the user name.
 * No list of common passwords yet: the office may add one if the rule proves too weak.
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128, minClasses: 2 } as const;

export const PASSWORD_PROBLEMS = {
  'PASSWORD.TOO_SHORT': `密码长度不能少于 ${PASSWORD_POLICY.minLength} 个字符`,
  'PASSWORD.TOO_LONG': `密码长度不能超过 ${PASSWORD_POLICY.maxLength} 个字符`,
  'PASSWORD.ONE_CLASS': '密码须至少包含以下两类字符：小写字母、大写字母、数字、其他符号或汉字',
  'PASSWORD.CONTAINS_USERNAME': '密码不能包含用户名',
} as const;

export type PasswordProblemCode = keyof typeof PASSWORD_PROBLEMS;

export interface PasswordProblem {
  readonly code: PasswordProblemCode;
  readonly message: string;
}

const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/** Every rule the password breaks; empty when it is acceptable. */
export function passwordProblems(plain: string, username?: string): PasswordProblem[] {
  const normalised = plain.normalize('NFKC');
  const chars = [...normalised];
  const codes: PasswordProblemCode[] = [];
  if (chars.length < PASSWORD_POLICY.minLength) codes.push('PASSWORD.TOO_SHORT');
  if (chars.length > PASSWORD_POLICY.maxLength) codes.push('PASSWORD.TOO_LONG');
  if (CLASSES.filter((c) => c.test(normalised)).length < PASSWORD_POLICY.minClasses) codes.push('PASSWORD.ONE_CLASS');
  if (username && normalised.toLowerCase().includes(username.toLowerCase())) codes.push('PASSWORD.CONTAINS_USERNAME');
  return codes.map((code) => ({ code, message: PASSWORD_PROBLEMS[code] }));
}

/** For the api: one 400 naming every broken rule, in Chinese. */
export function assertPasswordPolicy(plain: string, username?: string): void {
  const problems = passwordProblems(plain, username);
  if (problems.length > 0) {
    throw new DomainError('PASSWORD.WEAK', 'invalid', `密码不符合要求：${problems.map((p) => p.message).join('；')}`, {
      problems,
    });
  }
}
