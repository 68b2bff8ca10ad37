import { cleanEvidenceItem } from '../shared/evidence';
import type { DomainError } from '../shared/domain-error';
import type { Evidence } from '../task/task.events';

export type { Evidence };

/**
 * 佐证材料 as indicator and project reports record it: trimmed, at least one item, each with a
 * title and an http(s) link, a document reference or an uploaded file. The caller's catalogue
 * names the error.
 */
export function cleanEvidence(
  evidence: readonly Evidence[] | undefined,
  raise: (problem: 'required' | 'invalid', index?: number) => DomainError,
): Evidence[] {
  if (!Array.isArray(evidence) || evidence.length === 0) throw raise('required');
  return evidence.map((item, index) => {
    const clean = cleanEvidenceItem(item);
    if (!clean) throw raise('invalid', index);
    return clean;
  });
}
