import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class LoginDto {
  // Room for an organisation-scoped login: a 40-character name, '@' and a 63-character organisation id.
  @ApiProperty({ description: '用户名（默认组织以外的账号为“用户名@组织编号”）', example: 'li.na' })
  @IsString()
  @Length(1, 104)
  username!: string;
  @ApiProperty({ description: '密码' }) @IsString() @Length(1, 200) password!: string;
  @ApiPropertyOptional({
    description:
      '浏览器会话：为 true 时刷新令牌只以 HttpOnly Cookie（SameSite=Strict，Path=/auth）下发，不在响应体中返回',
  })
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

/** Scripts send the refresh token in the body; a browser page sends none and relies on the cookie. */
export class RefreshTokenDto {
  @ApiPropertyOptional({
    description: '刷新令牌（登录或上次刷新时返回）；浏览器会话省略，改用 Cookie 并带 X-Requested-With 头',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  refreshToken?: string;
}

export class PublicUserDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['office', 'department', 'leader', 'admin'] }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) department!: string | null;
  @ApiProperty({
    description: '须先修改密码（初始密码或被重置的密码）：改密前只能调用 /auth/password、/auth/me、/auth/logout',
  })
  mustChangePassword!: boolean;
  @ApiProperty() createdAt!: string;
}

export class TokensDto {
  @ApiProperty({ description: '访问令牌（Bearer），保存在页面内存中' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: '访问令牌有效秒数' }) expiresIn!: number;
  @ApiPropertyOptional({ description: '刷新令牌；浏览器会话（cookie: true）时不返回' }) refreshToken?: string;
  @ApiProperty({ description: '刷新令牌到期时间' }) refreshExpiresAt!: string;
}

export class LoginAnswerDto extends TokensDto {
  @ApiProperty({ type: PublicUserDto }) user!: PublicUserDto;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码' }) @IsString() @Length(1, 200) currentPassword!: string;
  @ApiProperty({ description: '新密码：12 至 128 个字符，至少两类字符，不含用户名' })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}
