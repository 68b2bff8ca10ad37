import { ApiProperty } from '@nestjs/swagger';

export class UploadFileDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: '佐证材料文件（PDF、JPEG、PNG、docx/xlsx/pptx、doc/xls/ppt、wps/et/dps、OFD）',
  })
  file!: unknown;
}

export class UploadedFileDto {
  @ApiProperty({ description: '文件编号（内容的 SHA-256，引用佐证材料时填入 evidence[].fileId）', example: 'a3f…' })
  fileId!: string;
  @ApiProperty({ description: '文件名（按上传时的原名保存）', example: '2023年度验收报告.pdf' })
  name!: string;
  @ApiProperty({ description: '字节数' })
  size!: number;
  @ApiProperty({ description: '按文件内容识别的类型', example: 'application/pdf' })
  mediaType!: string;
}
