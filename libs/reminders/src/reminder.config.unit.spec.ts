import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReminderConfig } from './reminder.config';

describe('reminder configuration: secrets from files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-reminder-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads SMTP_URL_FILE and REMINDER_WEBHOOK_SECRET_FILE (Docker/Kubernetes secrets)', () => {
    writeFileSync(join(dir, 'smtp'), 'smtps://wfb:p%40ss@smtp.lianyun.gov.cn:465\n');
    writeFileSync(join(dir, 'hook'), 'a-webhook-secret-of-32-characters\n');
    const config = loadReminderConfig({
      SMTP_URL_FILE: join(dir, 'smtp'),
      SMTP_FROM: 'wfb@lianyun.gov.cn',
      REMINDER_WEBHOOK_URL: 'https://oa.lianyun.gov.cn/hooks/zw',
      REMINDER_WEBHOOK_SECRET_FILE: join(dir, 'hook'),
    });
    expect(config.smtp).toEqual({ url: 'smtps://wfb:p%40ss@smtp.lianyun.gov.cn:465', from: 'wfb@lianyun.gov.cn' });
    expect(config.webhook?.secret).toBe('a-webhook-secret-of-32-characters');
  });

  it('names a secret file that cannot be read', () => {
    expect(() => loadReminderConfig({ SMTP_URL_FILE: join(dir, 'nope'), SMTP_FROM: 'a@b.cn' })).toThrow(
      /SMTP_URL_FILE=".*nope" cannot be read: ENOENT/,
    );
  });
});
