import type { EventStore } from '@zw/event-store';
import type { FileStorage } from './file-storage.port';
import { fileReferencesOf, forEachEvent } from './file-references';

/** An upload nobody referenced within a day was abandoned (the form was never sent). */
export const UNREFERENCED_TTL_MS = 24 * 3600 * 1000;

/**
 * Removes uploads older than `ttlMs` that no event references. A referenced file is never
 * removed: the log is read to its end once, then read again from there just before each
 * removal, so a reference appended meanwhile (a form sent during the clean-up) is seen.
 */
export async function removeUnreferencedFiles(
  store: EventStore,
  storage: FileStorage,
  now: Date,
  ttlMs = UNREFERENCED_TTL_MS,
): Promise<string[]> {
  const referenced = new Set<string>();
  const note = (event: Parameters<typeof fileReferencesOf>[0]) =>
    fileReferencesOf(event).forEach((ref) => referenced.add(ref.sha256));
  let position = await forEachEvent(store, undefined, note);
  const removed: string[] = [];
  for await (const fileId of storage.list()) {
    if (referenced.has(fileId)) continue;
    if (now.getTime() - (await lastUpload(storage, fileId)) < ttlMs) continue;
    position = await forEachEvent(store, position, note);
    if (referenced.has(fileId)) continue;
    await storage.remove(fileId);
    removed.push(fileId);
  }
  return removed;
}

/** When the bytes were last uploaded, by the service's clock (the description), else the blob's time. */
async function lastUpload(storage: FileStorage, fileId: string): Promise<number> {
  const times = ((await storage.readDescription(fileId))?.uploads ?? []).map((u) => Date.parse(u.uploadedAt));
  if (times.length > 0) return Math.max(...times);
  return (await storage.stat(fileId))?.storedAt.getTime() ?? Number.POSITIVE_INFINITY;
}
