import { DomainError } from '@zw/domain';
import crypto from 'node:crypto';
import {
  DEFAULT_SCRYPT_COST,
  generateSecret,
  hashPassword,
  hashToken,
  isPasswordHash,
  isTokenHash,
  needsRehash,
  parsePasswordHash,
  topUpCost,
  verifyPassword,
} from './password';
import { assertPasswordPolicy, passwordProblems } from './password.policy';

const PASSWORD = '连云区-Wufei-2024';
/** Cheaper than the default where the cost is not what is tested. */
const FAST = { N: 2 ** 14, r: 8, p: 1 };
/** What every hash was made with before the cost was raised to OWASP's minimum. */
const OLD = { N: 2 ** 15, r: 8, p: 1 };

describe('password hashes', () => {
  let encoded: string;
  beforeAll(async () => {
    encoded = await hashPassword(PASSWORD);
  });

  it('are self-describing: scrypt$N$r$p$salt$hash with the default cost, a 16-byte salt and a 64-byte key', () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 15, r: 8, p: 3 }); // OWASP's 32 MiB option
    expect(encoded).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    expect(parsePasswordHash(encoded)).toMatchObject({ ...DEFAULT_SCRYPT_COST });
    expect(parsePasswordHash(encoded)!.salt).toHaveLength(16);
    expect(parsePasswordHash(encoded)!.hash).toHaveLength(64);
    expect(isPasswordHash(encoded)).toBe(true);
  });

  it('verify the password they were made from, and no other', async () => {
    await expect(verifyPassword(PASSWORD, encoded)).resolves.toBe(true);
    await expect(verifyPassword('连云区-Wufei-2025', encoded)).resolves.toBe(false);
    await expect(verifyPassword('', encoded)).resolves.toBe(false);
  });

  it('differ for the same password: each has its own random salt', async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(encoded);
    expect(parsePasswordHash(again)!.salt.equals(parsePasswordHash(encoded)!.salt)).toBe(false);
    await expect(verifyPassword(PASSWORD, again)).resolves.toBe(true);
  });

  it('keep verifying with the cost they were made with', async () => {
    const cheaper = await hashPassword(PASSWORD, FAST);
    expect(cheaper.startsWith('scrypt$16384$8$1$')).toBe(true);
    await expect(verifyPassword(PASSWORD, cheaper)).resolves.toBe(true);
  });

  it('made at the old cost (p=1) keep verifying, and only with their password', async () => {
    const old = await hashPassword(PASSWORD, OLD);
    expect(old.startsWith('scrypt$32768$8$1$')).toBe(true);
    await expect(verifyPassword(PASSWORD, old)).resolves.toBe(true);
    await expect(verifyPassword('连云区-Wufei-2025', old)).resolves.toBe(false);
  });

  it('treat full-width and half-width input alike (NFKC)', async () => {
    const fullWidth = await hashPassword('Ｗｕｆｅｉ２０２４！ａｂｃ', FAST);
    await expect(verifyPassword('Wufei2024!abc', fullWidth)).resolves.toBe(true);
  });

  it('refuse a cost outside the accepted bounds', async () => {
    await expect(hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 })).rejects.toThrow(RangeError);
    await expect(hashPassword(PASSWORD, { N: 30000, r: 8, p: 1 })).rejects.toThrow(RangeError);
  });

  describe('an upgrade to the current cost', () => {
    it('is needed for a hash of any other cost, not for one of the current cost or a malformed one', async () => {
      expect(needsRehash(encoded)).toBe(false);
      expect(needsRehash(await hashPassword(PASSWORD, OLD))).toBe(true);
      expect(needsRehash(await hashPassword(PASSWORD, FAST))).toBe(true);
      expect(needsRehash(encoded.replace('$32768$8$3$', '$65536$8$2$'))).toBe(true); // another OWASP option
      expect(needsRehash('scrypt$32768$8$3$broken')).toBe(false); // verifies nothing, nothing to replace
      expect(needsRehash(encoded, { N: 2 ** 16, r: 8, p: 2 })).toBe(true);
    });

    it('tops a cheaper verification up to the current cost: the missing lanes, or a whole derivation', () => {
      expect(topUpCost(OLD)).toEqual({ N: 2 ** 15, r: 8, p: 2 });
      expect(topUpCost(DEFAULT_SCRYPT_COST)).toBeUndefined();
      expect(topUpCost(FAST)).toEqual(DEFAULT_SCRYPT_COST); // another N: lanes do not add up
      expect(topUpCost(undefined)).toEqual(DEFAULT_SCRYPT_COST); // malformed: nothing was derived
      expect(topUpCost({ N: 2 ** 17, r: 8, p: 1 })).toBeUndefined(); // costlier already
    });

    it('makes an old hash cost a current one to verify: its one lane, then the two missing', async () => {
      const old = await hashPassword(PASSWORD, OLD);
      const spy = jest.spyOn(crypto, 'scrypt');
      try {
        await expect(verifyPassword('连云区-Wufei-2025', old)).resolves.toBe(false);
        const costs = spy.mock.calls.map((call) => {
          const { N, r, p } = call[3] as crypto.ScryptOptions;
          return { N, r, p };
        });
        expect(costs).toEqual([OLD, { N: 2 ** 15, r: 8, p: 2 }]);
        spy.mockClear();
        await expect(verifyPassword(PASSWORD, 'not a hash')).resolves.toBe(false);
        expect(spy.mock.calls.map((call) => (call[3] as crypto.ScryptOptions).p)).toEqual([3]);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('a tampered encoding verifies nothing', () => {
    const parts = () => encoded.split('$');
    const withPart = (index: number, value: string) =>
      parts()
        .map((p, i) => (i === index ? value : p))
        .join('$');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString('base64');
    };

    it.each<[string, () => string]>([
      ['one bit of the hash flipped', () => withPart(5, flip(parts()[5]!))],
      ['one bit of the salt flipped', () => withPart(4, flip(parts()[4]!))],
      ['a lower cost', () => withPart(1, '16384')],
      ['r changed', () => withPart(2, '4')],
    ])('%s: well-formed, but the password no longer matches', async (_, tampered) => {
      expect(isPasswordHash(tampered())).toBe(true);
      await expect(verifyPassword(PASSWORD, tampered())).resolves.toBe(false);
    });

    it.each<[string, () => string]>([
      ['another scheme', () => withPart(0, 'bcrypt')],
      ['a cost that is no power of two', () => withPart(1, '32769')],
      ['a cost that would take gigabytes', () => withPart(1, String(2 ** 20))],
      ['a cost with a leading zero', () => withPart(1, '032768')],
      ['p = 0', () => withPart(3, '0')],
      ['a truncated hash', () => withPart(5, parts()[5]!.slice(0, 40))],
      ['a hash with a character base64 does not know', () => withPart(5, `${parts()[5]!.slice(0, -4)}!!==`)],
      ['a hash padded twice', () => withPart(5, `${parts()[5]!}==`)],
      ['an empty salt', () => withPart(4, '')],
      ['a segment too many', () => `${encoded}$x`],
      ['a segment missing', () => parts().slice(0, 5).join('$')],
      ['nothing at all', () => ''],
      ['the plain password', () => PASSWORD],
    ])('%s: not even well-formed', async (_, tampered) => {
      expect(parsePasswordHash(tampered())).toBeUndefined();
      await expect(verifyPassword(PASSWORD, tampered())).resolves.toBe(false);
    });
  });
});

describe('secrets and token digests', () => {
  it('generates base64url secrets of the requested strength, never the same twice', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(generateSecret(48)).toHaveLength(64);
    expect(new Set(Array.from({ length: 100 }, () => generateSecret())).size).toBe(100);
  });

  it('refuses secrets too weak to be secrets', () => {
    expect(() => generateSecret(8)).toThrow(RangeError);
    expect(() => generateSecret(16.5)).toThrow(RangeError);
  });

  it('digests tokens with SHA-256, as lower-case hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(isTokenHash(hashToken(generateSecret()))).toBe(true);
    expect(isTokenHash('ABC')).toBe(false);
  });
});

describe('the password policy', () => {
  it.each(['Sw0rdfish-2024', '连云区无废城市建设2024年', 'correct horse battery staple', 'ALLUPPERCASE!'])(
    'accepts %p',
    (plain) => {
      expect(passwordProblems(plain)).toEqual([]);
    },
  );

  it.each<[string, string | undefined, string[]]>([
    ['Short1', undefined, ['PASSWORD.TOO_SHORT']],
    ['alllowercaseletters', undefined, ['PASSWORD.ONE_CLASS']],
    ['123456789012', undefined, ['PASSWORD.ONE_CLASS']],
    ['aaa', undefined, ['PASSWORD.TOO_SHORT', 'PASSWORD.ONE_CLASS']],
    ['无废城市无废城市无废城市', undefined, ['PASSWORD.ONE_CLASS']],
    [`Aa1${'x'.repeat(130)}`, undefined, ['PASSWORD.TOO_LONG']],
    ['Zhang.Wei-2024!', 'zhang.wei', ['PASSWORD.CONTAINS_USERNAME']],
    ['Password1234', undefined, ['PASSWORD.TOO_GUESSABLE']],
    ['Qwerty123456', undefined, ['PASSWORD.TOO_GUESSABLE']],
    ['Admin@123456', undefined, ['PASSWORD.TOO_GUESSABLE']],
    ['Wufeichengshi2024', undefined, ['PASSWORD.TOO_GUESSABLE']],
    ['无废城市无废城市无废城市1', undefined, ['PASSWORD.TOO_GUESSABLE']],
  ])('refuses %p', (plain, username, codes) => {
    expect(passwordProblems(plain, username).map((p) => p.code)).toEqual(codes);
  });

  it('counts characters, not bytes: twelve Chinese characters and a digit are enough', () => {
    expect(passwordProblems('春眠不觉晓处处闻啼鸟夜来8')).toEqual([]);
    expect(passwordProblems('无废城市1')).toEqual([
      { code: 'PASSWORD.TOO_SHORT', message: '密码长度不能少于 12 个字符' },
    ]);
  });

  it('explains every broken rule in Chinese, in one DomainError', () => {
    let error: unknown;
    try {
      assertPasswordPolicy('abc');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'PASSWORD.WEAK', kind: 'invalid' });
    expect((error as DomainError).message).toBe(
      '密码不符合要求：密码长度不能少于 12 个字符；密码须至少包含以下两类字符：小写字母、大写字母、数字、其他符号或汉字',
    );
    expect(() => assertPasswordPolicy('Sw0rdfish-2024')).not.toThrow();
    expect(() => assertPasswordPolicy('Password1234')).toThrow('密码过于常见或容易被猜到');
    expect(() => assertPasswordPolicy('Zhang.Wei-2024!', 'zhang.wei')).toThrow('密码不能包含用户名');
  });
});
