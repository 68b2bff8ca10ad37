import type { Evidence, EvidenceFile } from '../task/task.events';

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * One item of 佐证材料 trimmed, or undefined when it is not acceptable: a title and at least one
 * of an http(s) link, a document reference or an uploaded file (hash, name, size, type).
 */
export function cleanEvidenceItem(item: Evidence): Evidence | undefined {
  const title = typeof item?.title === 'string' ? item.title.trim() : '';
  const url = typeof item?.url === 'string' ? item.url.trim() || undefined : undefined;
  const documentRef = typeof item?.documentRef === 'string' ? item.documentRef.trim() || undefined : undefined;
  const file = item?.file === undefined ? undefined : cleanFile(item.file);
  const bad =
    !title ||
    (!url && !documentRef && !file) ||
    (item.file !== undefined && !file) ||
    (url !== undefined && !/^https?:\/\/\S+$/.test(url)) ||
    (item.sha256 !== undefined && !SHA256.test(item.sha256));
  if (bad) return undefined;
  return {
    title,
    ...(url ? { url } : {}),
    ...(documentRef ? { documentRef } : {}),
    ...(item.sha256 ? { sha256: item.sha256.toLowerCase() } : {}),
    ...(file ? { file } : {}),
  };
}

function cleanFile(file: EvidenceFile): EvidenceFile | undefined {
  const ok =
    typeof file?.sha256 === 'string' &&
    SHA256.test(file.sha256) &&
    typeof file.name === 'string' &&
    file.name.trim() !== '' &&
    Number.isSafeInteger(file.size) &&
    file.size >= 0 &&
    typeof file.mediaType === 'string' &&
    file.mediaType !== '';
  if (!ok) return undefined;
  return { sha256: file.sha256.toLowerCase(), name: file.name.trim(), size: file.size, mediaType: file.mediaType };
}
