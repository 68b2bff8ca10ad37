import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TODO_LABELS } from '@zw/projections';

export class TodoActionDto {
  @ApiProperty({ enum: ['GET', 'POST'] })
  method!: 'GET' | 'POST';
  @ApiProperty({
    description: '完成此事项的接口，如 /tasks/C-5/acknowledgements',
    example: '/tasks/C-5/acknowledgements',
  })
  route!: string;
}

export class TodoItemDto {
  @ApiProperty({ enum: Object.keys(TODO_LABELS), description: '事项类型' })
  kind!: string;
  @ApiProperty({ description: '事项类型中文名', example: '待签收' })
  kindLabel!: string;
  @ApiProperty({ description: '任务编号，或 indicator:<序号>', example: 'C-5' })
  code!: string;
  @ApiProperty({ description: '任务或指标名称' })
  title!: string;
  @ApiPropertyOptional({ description: '期限 YYYY-MM-DD', nullable: true, type: String })
  dueDate!: string | null;
  @ApiPropertyOptional({ description: '距期限天数（负数为逾期）', nullable: true, type: Number })
  daysLeft!: number | null;
  @ApiProperty({ description: '是否逾期' })
  late!: boolean;
  @ApiProperty({
    enum: ['red', 'yellow', 'green'],
    description: '红：逾期；黄：临期（与任务台账同一临期天数，默认 30 天）；绿：其他',
  })
  light!: string;
  @ApiProperty({ description: '说明（节点名称、期次、延期日期、异议理由等）' })
  detail!: string;
  @ApiProperty({ type: TodoActionDto })
  action!: TodoActionDto;
}

export class TodoAnswerDto {
  @ApiProperty({ description: '计划编号' })
  planId!: string;
  @ApiProperty({ description: '判断所依据的日期（asOf 或今天，上海时间）' })
  asOf!: string;
  @ApiProperty({ type: [TodoItemDto] })
  items!: TodoItemDto[];
}
