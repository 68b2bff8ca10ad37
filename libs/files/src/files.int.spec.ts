import { SqliteEventStore, type EventStore } from '@zw/event-store';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FsFileStorage } from './fs-file-storage';
import { removeUnreferencedFiles } from './remove-unreferenced';
import { verifyReferencedFiles } from './verify-files';

const DAY = 24 * 3600 * 1000;
const META = {
  actorId: 'u',
  role: 'department',
  correlationId: 'c',
  causationId: 'c',
  occurredAt: '2024-01-01T09:00:00+08:00',
};

describe('files on disk against the event log (real SQLite file)', () => {
  let dir: string;
  let store: EventStore;
  let storage: FsFileStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zw-files-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db') });
    storage = new FsFileStorage(join(dir, 'files'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = async (text: string, uploadedAt: string) => {
    const { sha256, size } = await storage.put(Readable.from([Buffer.from(text)]));
    await storage.writeDescription(sha256, {
      size,
      mediaType: 'application/pdf',
      uploads: [{ uploader: 'u', name: `${text}.pdf`, uploadedAt }],
    });
    return sha256;
  };
  const reference = (sha256: string, name: string) =>
    store.append(
      'task-p.A-1',
      [
        {
          type: 'MilestoneCompleted',
          data: { evidence: [{ title: name, file: { sha256, name, size: 1, mediaType: 'x' } }] },
          metadata: META,
        },
      ],
      'any',
    );

  it('stores by content: the same bytes twice are one file, read back unchanged', async () => {
    const a = await put('same', '2024-01-01T09:00:00+08:00');
    const b = await put('same', '2024-01-01T09:00:00+08:00');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.open(a))!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('same');
    const listed: string[] = [];
    for await (const id of storage.list()) listed.push(id);
    expect(listed).toEqual([a]);
  });

  it('removes unreferenced uploads older than a day, never a referenced one nor a fresh one', async () => {
    const old = await put('old', '2024-01-01T09:00:00+08:00');
    const referenced = await put('referenced', '2024-01-01T09:00:00+08:00');
    const fresh = await put('fresh', '2024-01-02T08:00:00+08:00');
    await reference(referenced, 'referenced.pdf');
    const now = new Date(Date.parse('2024-01-01T09:00:00+08:00') + DAY + 1000);
    expect(await removeUnreferencedFiles(store, storage, now)).toEqual([old]);
    expect(await storage.stat(old)).toBeUndefined();
    expect(await storage.stat(referenced)).toBeDefined();
    expect(await storage.stat(fresh)).toBeDefined();
  });

  it('audit: names a referenced file altered on disk and one that is missing', async () => {
    const altered = await put('altered', '2024-01-01T09:00:00+08:00');
    const missing = await put('missing', '2024-01-01T09:00:00+08:00');
    await reference(altered, '验收报告.pdf');
    await reference(missing, '现场照片.png');
    expect(await verifyReferencedFiles(store, storage)).toMatchObject({ ok: true, referenced: 2, problems: [] });
    const path = join(dir, 'files', altered.slice(0, 2), altered);
    writeFileSync(path, `${readFileSync(path, 'utf8')} changed`);
    await storage.remove(missing);
    const report = await verifyReferencedFiles(store, storage);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { fileId: altered, name: '验收报告.pdf', streamId: 'task-p.A-1', revision: '0', problem: 'altered' },
      { fileId: missing, name: '现场照片.png', streamId: 'task-p.A-1', revision: '1', problem: 'missing' },
    ]);
  });
});
