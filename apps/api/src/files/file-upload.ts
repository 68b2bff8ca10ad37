import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { join } from 'node:path';

export interface ReceivedFile {
  /** Where multer wrote the bytes (DATA_DIR/files/.incoming); the caller removes it. */
  readonly path: string;
  readonly name: string;
}

/**
 * Receives the one `file` part of a multipart/form-data request onto disk, never into memory.
 * Browsers send a Chinese file name as raw UTF-8 in `filename=`; multer decodes parameters as
 * latin1 unless told otherwise (`defParamCharset`), which would turn 验收报告 into mojibake.
 * A file over the limit is cut off and removed by multer: nothing is stored.
 */
export function receiveFile(req: Request, res: Response, root: string, maxBytes: number): Promise<ReceivedFile> {
  const upload = multer({
    dest: join(root, '.incoming'),
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 10_000 },
    defParamCharset: 'utf8',
  }).single('file');
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => {
      if (error) return reject(refusal(error, maxBytes));
      const file = req.file;
      if (!file) return reject(noFile());
      resolve({ path: file.path, name: cleanName(file.originalname) });
    });
  });
}

function refusal(error: unknown, maxBytes: number): unknown {
  if (!(error instanceof MulterError)) return error;
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new HttpException(
      { code: 'FILE.TOO_LARGE', message: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限，未保存` },
      HttpStatus.PAYLOAD_TOO_LARGE,
    );
  }
  return noFile();
}

function noFile(): BadRequestException {
  const reason = '请以 multipart/form-data 的 file 字段上传一个文件';
  return new BadRequestException({
    code: 'VALIDATION',
    message: `file: ${reason}`,
    details: [{ field: 'file', reason }],
  });
}

/** The name as the user gave it, without folders or control characters, at most 200 characters. */
export function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const name = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return [...name].slice(0, 200).join('') || '未命名文件';
}
