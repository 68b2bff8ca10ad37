import type { DomainError } from '../shared/domain-error';
import type { Evidence } from '../task/task.events';

export type { Evidence };

const SHA256 = /^[0-9a-f]{64}$/i;

/**
 * 佐证材料 as indicator and project reports record it: trimmed, at least one item, each with a
 * title and an http(s) link or a document reference. The caller's catalogue names the error.
 */
export function cleanEvidence(
  evidence: readonly Evidence[] | undefined,
  raise: (problem: 'required' | 'invalid', index?: number) => DomainError,
): Evidence[] {
  if (!Array.isArray(evidence) || evidence.length === 0) throw raise('required');
  return evidence.map((item, index) => {
    const title = typeof item.title === 'string' ? item.title.trim() : '';
    const url = typeof item.url === 'string' ? item.url.trim() || undefined : undefined;
    const documentRef = typeof item.documentRef === 'string' ? item.documentRef.trim() || undefined : undefined;
    const bad =
      !title ||
      (!url && !documentRef) ||
      (url !== undefined && !/^https?:\/\/\S+$/.test(url)) ||
      (item.sha256 !== undefined && !SHA256.test(item.sha256));
    if (bad) throw raise('invalid', index);
    return {
      title,
      ...(url ? { url } : {}),
      ...(documentRef ? { documentRef } : {}),
      ...(item.sha256 ? { sha256: item.sha256.toLowerCase() } : {}),
    };
  });
}
