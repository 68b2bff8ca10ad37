import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROJECT_PHASES, type ProjectPhase } from '@zw/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EvidenceDto, IsCalendarDate } from '../../tasks/dto/task-command.dtos';

const TEXT = 4000;

/** 指标报送: a number in the indicator's unit, or met / not met for an indicator stated in words. */
export class ReportIndicatorDto {
  @ApiProperty({ description: '报送期次：年度 YYYY 或季度 YYYY-Qn（如 2023、2024-Q3）' })
  @Matches(/^\d{4}(-Q[1-4])?$/)
  period!: string;
  @ApiPropertyOptional({ description: '数值（数值型指标），按指标的计量单位' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value?: number;
  @ApiPropertyOptional({ description: '计量单位（可省略；填写时须与指标单位一致，如 %、吨/万元）' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string;
  @ApiPropertyOptional({ description: '是否达成（文字型指标，如 日产日清）' })
  @IsOptional()
  @IsBoolean()
  met?: boolean;
  @ApiProperty({ description: '数据来源（如 2023年环境统计年报）' })
  @IsString()
  @Length(1, 500)
  source!: string;
  @ApiProperty({ description: '佐证材料', type: [EvidenceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];
  @ApiPropertyOptional({ description: '说明' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string;
}

export class ConfirmReportDto {
  @ApiPropertyOptional({ description: '确认意见' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string;
}

export class RejectReportDto {
  @ApiProperty({ description: '退回理由' })
  @IsString()
  @Length(1, TEXT)
  reason!: string;
}

export class LinkTasksDto {
  @ApiProperty({ type: [String], description: '服务该指标的任务编号（替换现有关联），如 ["A-9","C-6"]' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]-\d{1,3}$/, { each: true })
  tasks!: string[];
  @ApiPropertyOptional({ description: '调整理由' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  reason?: string;
}

/**
 * 指定报送责任部门 / 主管部门: departments of the plan's 责任清单 (aliases accepted, resolved by the
 * controller as task assignment does); the list replaces the current one.
 */
export class NameDepartmentsDto {
  @ApiProperty({
    type: [String],
    description: '部门（责任清单中的部门名称或其简称，如 区城管局），替换现有名单',
    example: ['区城管局'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  departments!: string[];
  @ApiProperty({ description: '指定理由' })
  @IsString()
  @Length(1, TEXT)
  reason!: string;
}

export class ProjectMilestoneDto {
  @ApiProperty({ description: '节点名称' })
  @IsString()
  @Length(1, 200)
  title!: string;
  @ApiProperty({ format: 'date', description: '日期 YYYY-MM-DD' })
  @IsCalendarDate()
  date!: string;
  @ApiProperty({ description: '是否完成' })
  @IsBoolean()
  done!: boolean;
}

export class ProjectProgressDto {
  @ApiProperty({
    description: '项目阶段：preparation 前期工作, construction 在建, completed 建成, operating 投运, suspended 停缓建',
    enum: PROJECT_PHASES,
  })
  @IsIn(PROJECT_PHASES)
  phase!: ProjectPhase;
  @ApiProperty({ description: '累计完成投资（万元，至多两位小数）' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  investmentCompleted!: number;
  @ApiPropertyOptional({ description: '节点', type: [ProjectMilestoneDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProjectMilestoneDto)
  milestones?: ProjectMilestoneDto[];
  @ApiPropertyOptional({ description: '进展说明' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  note?: string;
  @ApiPropertyOptional({ description: '佐证材料', type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}
