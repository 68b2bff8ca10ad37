import {
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { toShanghaiIso, CLOCK, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { detectFileMediaType, FILE_STORAGE, filesRoot, isFileId, type FileStorage } from '@zw/files';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { KeyedLock } from '../tasks/keyed-lock';
import { FileAccess } from './file-access';
import { receiveFile } from './file-upload';
import { UploadedFileDto, UploadFileDto } from './file.dtos';

/** 佐证材料 files: uploaded once, referenced by id from reports and milestone completions. */
@ApiTags('佐证材料')
@Controller('files')
export class FilesController {
  /** Uploads of the same bytes at once must not lose each other's entry in the description. */
  private readonly describing = new KeyedLock();

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: FileAccess,
  ) {}

  @Policy('files.upload')
  @Post()
  @ApiOperation({
    summary: '上传佐证材料',
    description:
      '按内容识别类型，只接受 PDF、JPEG、PNG、Word/Excel/PowerPoint（docx/xlsx/pptx）、OFD，以及扩展名与内容相符的旧版 Office/WPS 文件（doc/xls/ppt/wps/et/dps）；压缩包与程序拒收（415），超过上限（默认 20 MB）拒收（413）。返回的 fileId 用于 evidence[].fileId；一天内未被引用的上传会被清理。',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileDto })
  @ApiCreatedResponse({ type: UploadedFileDto })
  async upload(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadedFileDto> {
    const received = await receiveFile(req, res, filesRoot(this.config), this.config.fileMaxBytes);
    try {
      const detected = await detectFileMediaType(received.path, received.name);
      if (!detected.allowed) {
        throw new HttpException(
          { code: 'FILE.TYPE_NOT_ALLOWED', message: REFUSALS[detected.kind] },
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        );
      }
      const { sha256, size } = await this.storage.put(createReadStream(received.path));
      await this.describing.run(sha256, async () => {
        const before = await this.storage.readDescription(sha256);
        const upload = { uploader: actor.id, name: received.name, uploadedAt: toShanghaiIso(this.clock.now()) };
        const others = (before?.uploads ?? []).filter((u) => u.uploader !== actor.id || u.name !== received.name);
        // The latest 50 uploads are enough to know who may still read or attach an unreferenced file.
        const uploads = [...others, upload].slice(-50);
        await this.storage.writeDescription(sha256, { size, mediaType: detected.mediaType, uploads });
      });
      res.status(201);
      return { fileId: sha256, name: received.name, size, mediaType: detected.mediaType };
    } finally {
      await rm(received.path, { force: true });
    }
  }

  @Policy('files.read')
  @Get(':fileId')
  @ApiOperation({
    summary: '下载佐证材料',
    description:
      '可读取引用该文件的任务、指标或项目的用户可下载；尚未被引用时仅上传者可下载。文件名按 RFC 6266 以 filename* 保留中文。',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: '文件内容', schema: { type: 'string', format: 'binary' } })
  async download(@Param('fileId') fileId: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const id = fileId.toLowerCase();
    const description = isFileId(id) ? await this.storage.readDescription(id) : undefined;
    const content = description ? await this.storage.open(id) : undefined;
    if (!description || !content) {
      content?.destroy();
      throw new NotFoundException({ code: 'FILE.NOT_FOUND', message: '文件不存在' });
    }
    const verdict = await this.access.verdict(actor, id, description);
    if (verdict === 'hidden') {
      content.destroy();
      throw new NotFoundException({ code: 'FILE.NOT_FOUND', message: '文件不存在' });
    }
    if (verdict !== 'read') {
      content.destroy();
      throw new ForbiddenException({
        code: 'AUTH.FORBIDDEN',
        message: '无权下载此文件（不属于本单位可查看的任务或事项）',
      });
    }
    const name = (description.uploads.find((u) => u.uploader === actor.id) ?? description.uploads[0])?.name ?? id;
    return new StreamableFile(content, {
      type: description.mediaType,
      length: description.size,
      disposition: contentDisposition(name),
    });
  }
}

const REFUSALS = {
  zip: '不接受压缩包，请逐个上传其中的文件',
  ole: '旧版 Office/WPS 文件须以 .doc、.xls、.ppt、.wps、.et 或 .dps 为扩展名且内容与之相符；安装包等其他文件不接受',
  unknown:
    '不支持的文件类型：只接受 PDF、JPEG、PNG、Word/Excel/PowerPoint（docx/xlsx/pptx、doc/xls/ppt）、WPS（wps/et/dps）与 OFD 文件',
} as const;

/**
 * RFC 6266: an ASCII fallback for old clients and `filename*` (RFC 8187, UTF-8) that every
 * current browser prefers, so 验收报告.pdf arrives as 验收报告.pdf.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
