import { DomainError } from '@zw/domain';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * The password rule, kept short enough to state on the form (NIST SP 800-63B favours length
 * over composition rules, so the only composition rule is a mild one):
 * - 12 to 128 characters (after NFKC normalisation, counted as characters, not bytes);
 * - at least two kinds of characters among lower-case letters, upper-case letters, digits
 *   and anything else (symbols, Chinese characters);
 * - not containing the user name;
 * - not easy to guess: zxcvbn-ts (with its common-password, name and keyboard dictionaries)
 *   must estimate at least 10^8 guesses (score 3 of 4), which refuses "Password1234",
 *   "Qwerty123456" and the year and keyboard variants of such.
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128, minClasses: 2, minScore: 3 } as const;

/**
 * Defaults and habits of Chinese systems that zxcvbn's English-centred lists rank too high
 * (e.g. "Admin@123456"), and the words of this product: a password built on them is guessed early.
 */
const LOCAL_WORDS = [
  'admin@123',
  'admin123',
  'abc@123',
  'abc123',
  'p@ssw0rd',
  'aa123456',
  'qq123456',
  'woaini1314',
  'woaini',
  'a123456',
  '1qaz2wsx',
  'qwe123',
  'lianyun',
  'lianyungang',
  'wufei',
  'wufeichengshi',
  'zerowaste',
  'zero-waste-city',
  '无废城市',
  '无废办',
  '连云区',
];

export const PASSWORD_PROBLEMS = {
  'PASSWORD.TOO_SHORT': `密码长度不能少于 ${PASSWORD_POLICY.minLength} 个字符`,
  'PASSWORD.TOO_LONG': `密码长度不能超过 ${PASSWORD_POLICY.maxLength} 个字符`,
  'PASSWORD.ONE_CLASS': '密码须至少包含以下两类字符：小写字母、大写字母、数字、其他符号或汉字',
  'PASSWORD.CONTAINS_USERNAME': '密码不能包含用户名',
  'PASSWORD.TOO_GUESSABLE':
    '密码过于常见或容易被猜到（如 Password1234、Admin@123456，或常见密码加年份、键盘顺序），请换一个更长、不常见的密码，例如几个不相关的词加数字',
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
  // Judged only once the rules above hold, so a short password is told one thing to fix.
  if (codes.length === 0 && guessScore(normalised, username) < PASSWORD_POLICY.minScore)
    codes.push('PASSWORD.TOO_GUESSABLE');
  return codes.map((code) => ({ code, message: PASSWORD_PROBLEMS[code] }));
}

let estimator: ZxcvbnFactory | undefined;

/** zxcvbn's score 0–4 (log10 of the estimated guesses: < 3, < 6, < 8, < 10, ≥ 10). */
function guessScore(plain: string, username?: string): number {
  // Loaded and built on first use (the dictionaries take a few hundred milliseconds), so a
  // process that never judges a password never pays for them.
  if (!estimator) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    /* eslint-enable @typescript-eslint/no-require-imports */
    estimator = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, local: LOCAL_WORDS },
      graphs: common.adjacencyGraphs,
    });
  }
  return estimator.check(plain, username ? [username] : []).score;
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
