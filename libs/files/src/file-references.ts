import type { EventStore, RecordedEvent } from '@zw/event-store';
import { isFileId } from './file-storage.port';

/** A file as an event records it in its 佐证材料 (libs/domain Evidence.file). */
export interface FileReference {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly mediaType: string;
}

/**
 * The files an event's 佐证材料 reference, whatever the event: every evidence list of the
 * domain (milestone completions, progress and periodic reports, indicator and project reports)
 * is `data.evidence`, so an event type added later is covered by itself.
 */
export function fileReferencesOf(event: Pick<RecordedEvent, 'data'>): FileReference[] {
  const evidence = (event.data as { evidence?: unknown } | null)?.evidence;
  if (!Array.isArray(evidence)) return [];
  return evidence.flatMap((item: unknown) => {
    const file = (item as { file?: Partial<FileReference> } | null)?.file;
    return file && isFileId(file.sha256) ? [file as FileReference] : [];
  });
}

const PAGE = 1000;

/** Every page of the global log after `after`, in order; returns the last position seen. */
export async function forEachEvent(
  store: EventStore,
  after: bigint | undefined,
  visit: (event: RecordedEvent) => void,
): Promise<bigint | undefined> {
  let last = after;
  for (let page = await store.readAll(last, PAGE); page.length > 0; page = await store.readAll(last, PAGE)) {
    for (const event of page) visit(event);
    last = page.at(-1)!.position;
  }
  return last;
}
