import { Button } from 'antd';
import { api } from '../api/client';
import { ApiError, type ErrorBody } from '../api/errors';
import { saveBlob } from '../pages/board-filters';
import { showError } from './show-error';

/** 佐证材料 as a report sends it (fileId) or as the task records it (file.sha256 = the file's id). */
export interface EvidenceItem {
  title?: string;
  url?: string;
  documentRef?: string;
  fileId?: string;
  file?: { sha256: string; name: string };
}

/** A referenced 佐证材料: files download with the session (GET /files/:id), links open, 文号 are text. */
export function EvidenceLink({ item }: { item: EvidenceItem }) {
  const name = item.title ?? item.file?.name ?? item.documentRef ?? item.url ?? '佐证材料';
  const fileId = item.fileId ?? item.file?.sha256;
  if (fileId) {
    const download = async () => {
      const { data, error, response } = await api.GET('/files/{fileId}', {
        params: { path: { fileId } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) return showError(new ApiError(response.status, (error ?? {}) as ErrorBody));
      saveBlob(data as Blob, name);
    };
    return (
      <Button type="link" size="small" onClick={() => void download()} style={{ padding: 0 }}>
        {name}
      </Button>
    );
  }
  if (item.url)
    return (
      <a href={item.url} target="_blank" rel="noreferrer noopener">
        {name}
      </a>
    );
  return <span>{name}</span>;
}
