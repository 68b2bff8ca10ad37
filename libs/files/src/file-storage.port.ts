import type { Readable } from 'node:stream';

/**
 * Where 佐证材料 files live, content-addressed by their SHA-256 (lower-case hex). Kept small on
 * purpose: the filesystem adapter implements it now, an S3-compatible one later (a blob per
 * hash plus a small JSON object beside it).
 */
export interface FileStorage {
  /** Stores the bytes of `source` under their SHA-256; storing the same bytes again changes nothing. */
  put(source: Readable): Promise<{ readonly sha256: string; readonly size: number }>;
  /** The stored bytes, or undefined when no file has this hash. */
  open(sha256: string): Promise<Readable | undefined>;
  /** Size and when the blob was stored, or undefined when absent. */
  stat(sha256: string): Promise<{ readonly size: number; readonly storedAt: Date } | undefined>;
  /** Every stored hash (for the clean-up of unreferenced uploads). */
  list(): AsyncIterable<string>;
  /** Removes the blob and its description; absent is not an error. */
  remove(sha256: string): Promise<void>;
  /** The description kept beside the blob (who uploaded it under which name). */
  readDescription(sha256: string): Promise<FileDescription | undefined>;
  writeDescription(sha256: string, description: FileDescription): Promise<void>;
}

export const FILE_STORAGE = 'FILE_STORAGE';

/** One upload of the bytes: the same content may be uploaded by several people under several names. */
export interface FileUpload {
  readonly uploader: string;
  readonly name: string;
  readonly uploadedAt: string;
}

export interface FileDescription {
  readonly size: number;
  readonly mediaType: string;
  readonly uploads: readonly FileUpload[];
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isFileId(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
