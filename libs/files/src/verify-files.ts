import { createHash } from 'node:crypto';
import type { EventStore } from '@zw/event-store';
import type { FileStorage } from './file-storage.port';
import { fileReferencesOf, forEachEvent } from './file-references';

export interface FileProblem {
  readonly fileId: string;
  readonly name: string;
  /** The first event that references it. */
  readonly streamId: string;
  readonly revision: string;
  readonly problem: 'missing' | 'altered';
}

export interface FilesReport {
  readonly ok: boolean;
  readonly referenced: number;
  readonly problems: readonly FileProblem[];
}

/**
 * Every file an event references must still be stored with the bytes the event recorded: the
 * hash chain covers the SHA-256 in the event, this covers the bytes behind it. `include`
 * confines it to the references of some streams (one district's, as verifyChains).
 */
export async function verifyReferencedFiles(
  store: EventStore,
  storage: FileStorage,
  include: (streamId: string) => boolean = () => true,
): Promise<FilesReport> {
  const first = new Map<string, { name: string; streamId: string; revision: string }>();
  await forEachEvent(store, undefined, (event) => {
    if (!include(event.streamId)) return;
    for (const ref of fileReferencesOf(event)) {
      if (!first.has(ref.sha256))
        first.set(ref.sha256, { name: ref.name, streamId: event.streamId, revision: event.revision.toString() });
    }
  });
  const problems: FileProblem[] = [];
  for (const [fileId, where] of first) {
    const content = await storage.open(fileId);
    if (!content) {
      problems.push({ fileId, ...where, problem: 'missing' });
      continue;
    }
    const hash = createHash('sha256');
    for await (const chunk of content) hash.update(chunk as Buffer);
    if (hash.digest('hex') !== fileId) problems.push({ fileId, ...where, problem: 'altered' });
  }
  return { ok: problems.length === 0, referenced: first.size, problems };
}
