import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_LABELS } from '@zw/projections';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const POSITION = /^\d{1,20}$/;

export class NotificationsQueryDto {
  @ApiPropertyOptional({ description: '只返回该位置之前（更早）的通知，用于翻页：上一页的 nextBefore' })
  @IsOptional()
  @Matches(POSITION, { message: 'before must be a notification position (a non-negative integer)' })
  before?: string;
  @ApiPropertyOptional({ description: '每页条数 1-100，默认 20', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class MarkReadDto {
  @ApiProperty({ description: '已读到的位置（含）：通常为第一页第一条通知的 position', example: '1024' })
  @Matches(POSITION, { message: 'upTo must be a notification position (a non-negative integer)' })
  upTo!: string;
}

export class NotificationDto {
  @ApiProperty({ description: '通知位置（全局事件位置），用于翻页和标记已读' })
  position!: string;
  @ApiProperty({ description: '时间（ISO 8601，上海时间）' })
  at!: string;
  @ApiProperty({ enum: Object.keys(NOTIFICATION_LABELS), description: '类型' })
  kind!: string;
  @ApiProperty({ description: '类型中文名', example: '催办' })
  kindLabel!: string;
  @ApiProperty({ description: '计划编号' })
  planId!: string;
  @ApiProperty({ description: '任务编号，或 indicator:<序号>', example: 'C-5' })
  code!: string;
  @ApiProperty({ description: '任务名称' })
  title!: string;
  @ApiProperty({ description: '通知内容' })
  text!: string;
  @ApiProperty({ description: '是否已读' })
  read!: boolean;
}

export class NotificationsPageDto {
  @ApiProperty({ type: [NotificationDto], description: '最新的在前' })
  items!: NotificationDto[];
  @ApiProperty({ description: '未读条数' })
  unread!: number;
  @ApiPropertyOptional({ description: '已读到的位置；从未标记为 null', nullable: true, type: String })
  readUpTo!: string | null;
  @ApiPropertyOptional({ description: '下一页（更早）的 before 参数；没有更多时为 null', nullable: true, type: String })
  nextBefore!: string | null;
}

export class MarkReadAnswerDto {
  @ApiPropertyOptional({ description: '已读到的位置', nullable: true, type: String })
  readUpTo!: string | null;
  @ApiProperty({ description: '未读条数' })
  unread!: number;
}
