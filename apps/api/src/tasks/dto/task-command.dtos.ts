import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isLocalDate } from '@zw/clock';
import type { ReportingCadence } from '@zw/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/** A calendar date as the plan writes deadlines: YYYY-MM-DD (Asia/Shanghai); 2023-02-30 is refused. */
export function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v: unknown) => isLocalDate(v),
        // The Chinese message comes from errors/validation-messages.ts, like every other rule's.
        defaultMessage: () => '$property: YYYY-MM-DD',
      },
    },
    options,
  );
}
const TEXT = 4000;
const NAME = 100;

/** One item of 佐证材料; the domain requires a url, a documentRef or an uploaded file (fileId). */
export class EvidenceDto {
  @ApiPropertyOptional({ description: '佐证材料名称（引用上传文件时可省略，默认为文件名）' })
  @ValidateIf((e: EvidenceDto) => e.fileId === undefined || e.title !== undefined)
  @IsString()
  @Length(1, 200)
  title?: string;
  /** Evidence links must be http(s): anything else could smuggle scripts or local files. */
  @ApiPropertyOptional({ description: '佐证材料链接（仅限 http/https）' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;
  @ApiPropertyOptional({ description: '文件编号或存档位置（如 连环发〔2023〕1号）' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  documentRef?: string;
  @ApiPropertyOptional({ description: '文件摘要（SHA-256，64 位十六进制）' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/i)
  sha256?: string;
  @ApiPropertyOptional({ description: '上传的佐证材料文件编号（POST /files 返回的 fileId）' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/i, { message: 'fileId must be the 64 hexadecimal characters POST /files answered' })
  fileId?: string;
}

export class MilestoneDto {
  @ApiPropertyOptional({ description: '里程碑编号（缺省时自动生成）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  milestoneId?: string;
  @ApiProperty({ description: '里程碑名称' })
  @IsString()
  @Length(1, 200)
  title!: string;
  @ApiProperty({ format: 'date', description: '完成期限 YYYY-MM-DD', example: '2024-12-31' })
  @IsCalendarDate()
  dueDate!: string;
  @ApiProperty({ description: '负责部门' })
  @IsString()
  @Length(1, NAME)
  owner!: string;
}

/** The cadences of a 持续开展 task's periodic reports (ReportingCadence), listed in the document as an enum. */
const REPORTING_CADENCES: ReportingCadence[] = ['monthly', 'quarterly', 'half-yearly', 'yearly'];

/** Every field optional: what is left out comes from the plan's row (assignmentDefaults). */
export class AssignTaskDto {
  @ApiPropertyOptional({ type: [String], description: '牵头单位（缺省取任务清单）' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, NAME, { each: true })
  lead?: string[];
  @ApiPropertyOptional({ type: [String], description: '配合单位（缺省取任务清单）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, NAME, { each: true })
  cooperating?: string[];
  @ApiPropertyOptional({ format: 'date', description: '完成期限（缺省按时间栏推算）' })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;
  @ApiPropertyOptional({ type: () => [MilestoneDto], description: '里程碑（缺省每年一个，12月31日到期）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones?: MilestoneDto[];
  @ApiPropertyOptional({ format: 'date', description: '签收期限（缺省3个工作日）' })
  @IsOptional()
  @IsCalendarDate()
  acknowledgeBy?: string;
  @ApiPropertyOptional({ enum: REPORTING_CADENCES, description: '持续开展类任务的报送周期（缺省按季度）' })
  @IsOptional()
  @IsIn(REPORTING_CADENCES)
  reporting?: ReportingCadence;
}

/** A task the plan's appendix lacks: the office states its facts. */
export class CreateTaskDto extends AssignTaskDto {
  @ApiProperty({ description: '任务编号，如 A-16' })
  @Matches(/^[A-Z]-\d{1,3}$/)
  code!: string;
  @ApiProperty({ description: '任务内容' })
  @IsString()
  @Length(1, 1000)
  text!: string;
  @ApiProperty({ description: '体系' })
  @IsIn(['制度体系建设', '技术体系建设', '市场体系建设', '监管体系建设'])
  system!: string;
  @ApiProperty({ description: '领域' })
  @IsString()
  @Length(1, NAME)
  area!: string;
  @ApiProperty({ description: '时间（YYYY、YYYY-YYYY 或 持续开展）' })
  @Matches(/^(\d{4}|\d{4}-\d{4}|持续开展)$/)
  window!: string;
  @ApiProperty({ type: [String], description: '牵头单位' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, NAME, { each: true })
  declare lead: string[];
}

export class ReasonDto {
  @ApiProperty({ description: '理由' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class NoteDto {
  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReportDto {
  @ApiProperty({ description: '进展情况' })
  @IsString()
  @Length(1, TEXT)
  text!: string;
  @ApiPropertyOptional({ description: '存在困难' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  difficulties?: string;
  @ApiPropertyOptional({ description: '下一步计划' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  nextSteps?: string;
  @ApiPropertyOptional({ description: '佐证材料（可选）', type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class ProgressReportDto extends ReportDto {
  @ApiProperty({ description: '完成百分比 0-100' })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;
}

export class PeriodicReportDto extends ReportDto {
  @ApiProperty({ description: '报送期间，如 2024-Q1、2024-H1、2024-03 或 2024' })
  @Matches(/^\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?$/)
  period!: string;
}

export class CompleteMilestoneDto {
  @ApiProperty({ description: '佐证材料', type: [EvidenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];
  @ApiPropertyOptional({ description: '完成说明' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AddMilestoneDto extends ReasonDto {
  @ApiProperty({ type: () => MilestoneDto, description: '新增里程碑' })
  // ValidateNested lets a missing object through; without it the handler met undefined (a 500).
  @IsDefined()
  @ValidateNested()
  @Type(() => MilestoneDto)
  milestone!: MilestoneDto;
}

export class ExtensionRequestDto extends ReasonDto {
  @ApiPropertyOptional({ description: '延期的里程碑（缺省为整个任务）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  milestoneId?: string;
  @ApiProperty({ format: 'date', description: '申请延至 YYYY-MM-DD' })
  @IsCalendarDate()
  newDueDate!: string;
}

export class ReassignTaskDto extends ReasonDto {
  @ApiProperty({ type: [String], description: '新的牵头单位' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, NAME, { each: true })
  lead!: string[];
  @ApiProperty({ type: [String], description: '新的配合单位' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, NAME, { each: true })
  cooperating!: string[];
  @ApiPropertyOptional({ format: 'date', description: '新部门的签收期限（缺省3个工作日）' })
  @IsOptional()
  @IsCalendarDate()
  acknowledgeBy?: string;
}
