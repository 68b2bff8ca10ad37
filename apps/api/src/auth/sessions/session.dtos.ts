import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: '用户名', example: 'li.na' }) @IsString() @Length(1, 100) username!: string;
  @ApiProperty({ description: '密码' }) @IsString() @Length(1, 200) password!: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: '刷新令牌（登录或上次刷新时返回）' }) @IsString() @Length(1, 200) refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码' }) @IsString() @Length(1, 200) currentPassword!: string;
  @ApiProperty({ description: '新密码：12 至 128 个字符，至少两类字符，不含用户名' })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}
