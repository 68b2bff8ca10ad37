import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min,
  ValidateBy, ValidateNested, type ValidationOptions,
} from 'class-validator';

/** A calendar date as the plan writes deadlines: YYYY-MM-DD (Asia/Shanghai); 2023-02-30 is refused. */
export function IsCalendarDate(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v: unknown) =>
          typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
          new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v,
        defaultMessage: () => '$property must be a calendar date YYYY-MM-DD',
      },
    },
    options,
  );
}
const TEXT = 4000;
const NAME = 100;

/** One item of 佐证材料; the domain requires a url or a documentRef (either). */
export class EvidenceDto {
  @IsString() @Length(1, 200) title!: string;
  /** Evidence links must be http(s): anything else could smuggle scripts or local files. */
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url?: string;
  @IsOptional() @IsString() @Length(1, 200) documentRef?: string;
  @IsOptional() @Matches(/^[0-9a-f]{64}$/i, { message: 'sha256 must be 64 hexadecimal characters' }) sha256?: string;
}

export class MilestoneDto {
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/) milestoneId?: string;
  @IsString() @Length(1, 200) title!: string;
  @IsCalendarDate() dueDate!: string;
  @IsString() @Length(1, NAME) owner!: string;
}

/** Every field optional: what is left out comes from the plan's row (assignmentDefaults). */
export class AssignTaskDto {
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, NAME, { each: true }) lead?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, NAME, { each: true }) cooperating?: string[];
  @IsOptional() @IsCalendarDate() dueDate?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MilestoneDto) milestones?: MilestoneDto[];
  @IsOptional() @IsCalendarDate() acknowledgeBy?: string;
  @IsOptional() @IsIn(['monthly', 'quarterly', 'half-yearly', 'yearly']) reporting?: 'monthly' | 'quarterly' | 'half-yearly' | 'yearly';
}

/** A task the plan's appendix lacks: the office states its facts. */
export class CreateTaskDto extends AssignTaskDto {
  @Matches(/^[A-Z]-\d{1,3}$/, { message: 'code must look like A-16' }) code!: string;
  @IsString() @Length(1, 1000) text!: string;
  @IsIn(['制度体系建设', '技术体系建设', '市场体系建设', '监管体系建设']) system!: string;
  @IsString() @Length(1, NAME) area!: string;
  @Matches(/^(\d{4}|\d{4}-\d{4}|持续开展)$/, { message: 'window must be YYYY, YYYY-YYYY or 持续开展' }) window!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, NAME, { each: true }) declare lead: string[];
}

export class ReasonDto {
  @IsString() @Length(1, 2000) reason!: string;
}

export class NoteDto {
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ReportDto {
  @IsString() @Length(1, TEXT) text!: string;
  @IsOptional() @IsString() @MaxLength(TEXT) difficulties?: string;
  @IsOptional() @IsString() @MaxLength(TEXT) nextSteps?: string;
}

export class ProgressReportDto extends ReportDto {
  @IsInt() @Min(0) @Max(100) percent!: number;
}

export class PeriodicReportDto extends ReportDto {
  @Matches(/^\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?$/, { message: 'period must look like 2024-Q1, 2024-H1, 2024-03 or 2024' }) period!: string;
}

export class CompleteMilestoneDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => EvidenceDto) evidence!: EvidenceDto[];
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AddMilestoneDto extends ReasonDto {
  @ValidateNested() @Type(() => MilestoneDto) milestone!: MilestoneDto;
}

export class ExtensionRequestDto extends ReasonDto {
  @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,40}$/) milestoneId?: string;
  @IsCalendarDate() newDueDate!: string;
}

export class ReassignTaskDto extends ReasonDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, NAME, { each: true }) lead!: string[];
  @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, NAME, { each: true }) cooperating!: string[];
  @IsOptional() @IsCalendarDate() acknowledgeBy?: string;
}
