import { join } from 'node:path';
import type { AppConfig } from '@zw/config';
import type { FileStorage } from './file-storage.port';
import { FsFileStorage } from './fs-file-storage';

/** Where the embedded default keeps 佐证材料: DATA_DIR/files/. */
export function filesRoot(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'files');
}

/** The configured file store (the filesystem one; an S3-compatible adapter is a later step). */
export function openFileStorage(config: Pick<AppConfig, 'dataDir'>): FileStorage {
  return new FsFileStorage(filesRoot(config));
}
