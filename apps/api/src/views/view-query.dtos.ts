import { ApiPropertyOptional } from '@nestjs/swagger';
import { STATUS_LABELS, type TaskStatus } from '@zw/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../tasks/dto/task-command.dtos';

/** Parameters every view accepts (the global pipe refuses any other). */
export class ViewQueryDto {
  @ApiPropertyOptional({ description: '计划编号，缺省为默认计划' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  plan?: string;

  @ApiPropertyOptional({ format: 'date', description: '截至日期 YYYY-MM-DD：按当日结束时（上海时间）的事件重建视图' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: '最小全局位置：等待视图更新到该位置（读己之写），也可用 X-Min-Position 头' })
  @IsOptional()
  @Matches(/^\d{1,20}$/)
  minPosition?: string;
}

/** The city overview spans plans: a day, no plan. */
export class CityOverviewQueryDto {
  @ApiPropertyOptional({ description: '截至日期 YYYY-MM-DD：按当日结束时（上海时间）的事件重建各区视图' })
  @IsOptional()
  @IsCalendarDate({ message: 'must be a calendar date YYYY-MM-DD' })
  asOf?: string;
}

export class BoardQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ description: '单位（牵头或配合）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({
    enum: ['lead', 'cooperating'],
    description: '角色：lead 牵头 / cooperating 配合（与 department 同用）',
  })
  @IsOptional()
  @IsIn(['lead', 'cooperating'])
  role?: 'lead' | 'cooperating';

  @ApiPropertyOptional({ description: '体系：制度/技术/市场/监管（或全称）' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  system?: string;

  @ApiPropertyOptional({ enum: Object.keys(STATUS_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(STATUS_LABELS))
  status?: TaskStatus;

  @ApiPropertyOptional({ enum: ['red', 'yellow', 'green'], description: '红绿灯' })
  @IsOptional()
  @IsIn(['red', 'yellow', 'green'])
  light?: 'red' | 'yellow' | 'green';

  @ApiPropertyOptional({ description: '年度：时限覆盖该年的任务' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class CalendarQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ format: 'date', description: '起始日期 YYYY-MM-DD（含）' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: '截止日期 YYYY-MM-DD（含）' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: '单位：只看该单位负责的期限' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;
}
