import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@zw/plan';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ID_MESSAGE = '须为 1 至 63 位小写字母、数字或连字符，以字母或数字开头';

export class CreateOrganisationDto {
  @ApiProperty({ description: '组织编号（用于地址，建立后不变）', example: 'qinglan' })
  @IsString()
  @Matches(ID, { message: `organisationId ${ID_MESSAGE}` })
  organisationId!: string;
  @ApiProperty({ description: '组织名称', example: '青岚区' }) @IsString() @Length(1, 60) name!: string;
  @ApiProperty({ description: '层级：district 区（县）、city 市、province 省', enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;
  @ApiPropertyOptional({
    description: '上级组织编号（须为本账号所属组织或其下级）；顶级组织只能在服务器上用 npm run organisations 建立',
  })
  @IsOptional()
  @IsString()
  @Matches(ID, { message: `parentId ${ID_MESSAGE}` })
  parentId?: string;
}

export class RenameOrganisationDto {
  @ApiProperty({ description: '新名称', example: '青岚区' }) @IsString() @Length(1, 60) name!: string;
}

export class MoveOrganisationDto {
  @ApiProperty({ description: '新的上级组织编号（高一级：区（县）隶属于市，市隶属于省）', example: 'lanzhou' })
  @IsString()
  @Matches(ID, { message: `parentId ${ID_MESSAGE}` })
  parentId!: string;
}

export class AttachPlanDto {
  @ApiProperty({ description: '已导入的计划编号；一个计划只能属于一个组织', example: 'qinglan-2023-2026' })
  @IsString()
  @Length(1, 100)
  planId!: string;
}
