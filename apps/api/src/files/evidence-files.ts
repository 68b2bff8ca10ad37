import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { Evidence } from '@zw/domain';
import { FILE_STORAGE, type FileStorage } from '@zw/files';
import type { Actor } from '../actor/actor';

/** 佐证材料 as a request sends it: a link, a document reference, or the id of an uploaded file. */
export interface EvidenceInput {
  readonly title?: string;
  readonly url?: string;
  readonly documentRef?: string;
  readonly sha256?: string;
  readonly fileId?: string;
}

/**
 * Turns the request's 佐证材料 into what the event records: an uploaded file becomes its SHA-256,
 * name, size and type, so the hash chain covers the evidence. Only files the acting user
 * uploaded can be attached: knowing a hash must not let anyone publish someone else's file.
 */
@Injectable()
export class EvidenceFiles {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  async resolve(actor: Actor, items: readonly EvidenceInput[] | undefined, field = 'evidence'): Promise<Evidence[]> {
    if (items === undefined) return [];
    return Promise.all(items.map((item, index) => this.one(actor, item, `${field}[${index}]`)));
  }

  private async one(actor: Actor, item: EvidenceInput, field: string): Promise<Evidence> {
    const base = {
      title: item.title ?? '',
      ...(item.url ? { url: item.url } : {}),
      ...(item.documentRef ? { documentRef: item.documentRef } : {}),
      ...(item.sha256 ? { sha256: item.sha256.toLowerCase() } : {}),
    };
    if (item.fileId === undefined) return base;
    const fileId = item.fileId.toLowerCase();
    const description = await this.storage.readDescription(fileId);
    const mine = description?.uploads.filter((u) => u.uploader === actor.id) ?? [];
    if (!description || mine.length === 0 || !(await this.storage.stat(fileId))) {
      const reason = '文件不存在或不是您上传的，请先上传（POST /files）';
      throw new BadRequestException({
        code: 'VALIDATION',
        message: `${field}.fileId: ${reason}`,
        details: [{ field: `${field}.fileId`, reason }],
      });
    }
    const name = mine.at(-1)!.name;
    return {
      ...base,
      title: item.title ?? name,
      file: { sha256: fileId, name, size: description.size, mediaType: description.mediaType },
    };
  }
}
