import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { USER_ROLES, USERNAME } from '@zw/auth';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateUserDto {
  @ApiProperty({
    description:
      '用户名：3 至 40 位小写字母、数字或 . _ -；默认组织之外，登录名为“用户名@组织代码”（如 zhang.wei@qinglan）',
    example: 'zhang.wei',
  })
  @IsString()
  @Matches(USERNAME, { message: '用户名须为 3 至 40 位小写字母、数字或 . _ -，且以字母或数字开头' })
  username!: string;
  @ApiProperty({ description: '姓名', example: '张伟' }) @IsString() @Length(1, 50) displayName!: string;
  @ApiProperty({
    description: '角色：office 无废办、department 责任单位、leader 领导、admin 系统管理员',
    enum: USER_ROLES,
  })
  @IsIn(USER_ROLES)
  role!: (typeof USER_ROLES)[number];
  @ApiPropertyOptional({ description: '所属单位（责任单位账号必填，须为计划中的单位名称）', example: '区城管局' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  department?: string;
  @ApiPropertyOptional({
    description: '所属组织编号（区、市）；不填则为管理员本人所属组织。只能是管理员所属组织或其下级',
    example: 'qinglan',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'organisationId 须为 1 至 63 位小写字母、数字或连字符' })
  organisationId?: string;
  @ApiPropertyOptional({ description: '初始密码；不填则生成一次性临时密码，仅在响应中显示一次' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  password?: string;
}

export class DisableUserDto {
  @ApiProperty({ description: '停用理由', example: '调离岗位' }) @IsString() @Length(1, 200) reason!: string;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: '新密码；不填则生成一次性临时密码' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  password?: string;
}
