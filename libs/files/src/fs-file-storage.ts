import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isFileId, type FileDescription, type FileStorage } from './file-storage.port';

/**
 * The filesystem adapter: `<root>/<first two hex digits>/<sha256>` and `<sha256>.json` beside it.
 * Bytes are written to `<root>/.incoming/` first and renamed into place once their hash is known,
 * so a reader never sees a half-written file and a failed upload leaves nothing behind.
 */
export class FsFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(source: Readable): Promise<{ sha256: string; size: number }> {
    const incoming = join(this.root, '.incoming');
    await mkdir(incoming, { recursive: true });
    const temp = join(incoming, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, count, createWriteStream(temp, { mode: 0o640 }));
      const sha256 = hash.digest('hex');
      await mkdir(this.folder(sha256), { recursive: true });
      await rename(temp, this.path(sha256));
      return { sha256, size };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    if (!(await this.stat(sha256))) return undefined;
    return createReadStream(this.path(sha256));
  }

  async stat(sha256: string): Promise<{ size: number; storedAt: Date } | undefined> {
    if (!isFileId(sha256)) return undefined;
    try {
      const s = await stat(this.path(sha256));
      return { size: s.size, storedAt: s.mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async *list(): AsyncIterable<string> {
    let folders: string[];
    try {
      folders = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const folder of folders.filter((f) => /^[0-9a-f]{2}$/.test(f)).sort()) {
      for (const name of (await readdir(join(this.root, folder))).sort()) if (isFileId(name)) yield name;
    }
  }

  async remove(sha256: string): Promise<void> {
    if (!isFileId(sha256)) return;
    await rm(this.path(sha256), { force: true });
    await rm(`${this.path(sha256)}.json`, { force: true });
  }

  async readDescription(sha256: string): Promise<FileDescription | undefined> {
    if (!isFileId(sha256)) return undefined;
    try {
      return JSON.parse(await readFile(`${this.path(sha256)}.json`, 'utf8')) as FileDescription;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async writeDescription(sha256: string, description: FileDescription): Promise<void> {
    if (!isFileId(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    await mkdir(this.folder(sha256), { recursive: true });
    const temp = `${this.path(sha256)}.${randomUUID()}.tmp`;
    await writeFile(temp, JSON.stringify(description), { mode: 0o640 });
    await rename(temp, `${this.path(sha256)}.json`);
  }

  private folder(sha256: string): string {
    return join(this.root, sha256.slice(0, 2));
  }

  private path(sha256: string): string {
    return join(this.folder(sha256), sha256);
  }
}
