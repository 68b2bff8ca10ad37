import { helpText } from './cli-help';

describe('CLI --help', () => {
  it('says what the command does and how to run it from source, built and in compose', () => {
    const text = helpText({
      name: 'users',
      script: 'apps/api/src/auth/users.cli.js',
      synopsis: ['bootstrap [--username admin]', 'list'],
      description: 'Accounts from the shell.',
    });
    expect(text).toContain('Accounts from the shell.');
    expect(text).toContain('  users bootstrap [--username admin]\n  users list');
    expect(text).toContain('npm run users -- <arguments>   (from source)');
    expect(text).toContain('node dist/apps/api/src/auth/users.cli.js <arguments>   (built, also inside the image)');
    expect(text).toContain('docker compose run --rm api users <arguments>   (Docker Compose)');
  });
});
