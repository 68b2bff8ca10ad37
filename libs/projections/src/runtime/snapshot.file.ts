import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * A read model's state and the position it reached, stored together in one file, so the
 * checkpoint can never run ahead of (or behind) the state it describes. v8 serialization
 * keeps Maps and bigints; the write goes to a temporary file, is fsynced, then renamed over
 * the old one, so a crash leaves either the old snapshot or the new one.
 */
export interface SnapshotEnvelope<T> {
  readonly format: string;
  readonly version: number;
  readonly state: T;
}

export function writeSnapshot<T>(file: string, envelope: SnapshotEnvelope<T>): void {
  mkdirSync(dirname(file), { recursive: true });
  // One temporary file per writer: a rebuild CLI and an api sharing DATA_DIR never write the same one.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, serialize(envelope));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** The stored snapshot, or undefined when there is none or it is of another format/version. */
export function readSnapshot<T>(file: string, format: string, version: number): SnapshotEnvelope<T> | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const envelope = deserialize(bytes) as SnapshotEnvelope<T>;
    return envelope?.format === format && envelope.version === version ? envelope : undefined;
  } catch {
    return undefined;
  }
}
