import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  assertPasswordPolicy,
  hashPassword,
  isUsername,
  USER_STATUS_LABELS,
  type ExistingUserState,
  type UserCommand,
} from '@zw/auth';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import { registryOf } from '@zw/domain';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import type { Request } from 'express';
import { CurrentActor, eventMetadata, type Actor } from '../../actor/actor';
import { PlanCatalogueCache } from '../../plans/plan-catalogue.cache';
import { Policy } from '../policy.decorator';
import { publicUser } from '../sessions/sessions';
import { passwordRejected, temporaryPassword } from './passwords';
import { UserAccounts } from './user-accounts';
import { CreateUserDto, DisableUserDto, ResetPasswordDto } from './user.dtos';

/** Accounts, for admins only: create, list, disable, enable, reset a password. */
@ApiTags('用户管理')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly plans: PlanCatalogueCache,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Policy('users.read')
  @Get()
  async list() {
    return (await this.accounts.list()).map(view);
  }

  /** 201 with the account; a generated temporary password is shown in this answer only. */
  @Policy('users.create')
  @Post()
  async create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor, @Req() req: Request) {
    // An alias (区林海局) is accepted and the account bound to the canonical name.
    const department =
      body.role === 'department' && body.department ? await this.canonicalDepartment(body.department) : body.department;
    const password = body.password ?? temporaryPassword(body.username);
    if (body.password) passwordRejected(() => assertPasswordPolicy(password, body.username), 'password');
    const { state } = await this.run(actor, req, body.username, {
      type: 'CreateUser',
      data: {
        username: body.username,
        displayName: body.displayName,
        role: body.role,
        department,
        passwordHash: await hashPassword(password),
      },
    });
    return { ...view(state as ExistingUserState), ...(body.password ? {} : { temporaryPassword: password }) };
  }

  /** Disabling ends every session of the account at once (its tokens answer 401). */
  @Policy('users.disable')
  @Post(':username/disable')
  @HttpCode(200)
  async disable(
    @Param('username') username: string,
    @Body() body: DisableUserDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ) {
    return view(
      (await this.run(actor, req, username, { type: 'DisableUser', data: { reason: body.reason } }))
        .state as ExistingUserState,
    );
  }

  @Policy('users.enable')
  @Post(':username/enable')
  @HttpCode(200)
  async enable(@Param('username') username: string, @CurrentActor() actor: Actor, @Req() req: Request) {
    return view((await this.run(actor, req, username, { type: 'EnableUser', data: {} })).state as ExistingUserState);
  }

  /** The user must choose a new password; every session ends. */
  @Policy('users.reset-password')
  @Post(':username/password-reset')
  @HttpCode(200)
  async resetPassword(
    @Param('username') username: string,
    @Body() body: ResetPasswordDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ) {
    const password = body.password ?? temporaryPassword(username);
    if (body.password) passwordRejected(() => assertPasswordPolicy(password, username), 'password');
    const { state } = await this.run(actor, req, username, {
      type: 'ChangePassword',
      data: { passwordHash: await hashPassword(password) },
    });
    return { ...view(state as ExistingUserState), ...(body.password ? {} : { temporaryPassword: password }) };
  }

  private run(actor: Actor, req: Request, username: string, command: Omit<UserCommand, 'metadata'>) {
    if (!isUsername(username))
      throw new BadRequestException({
        code: 'USER.INVALID_USERNAME',
        message: '用户名无效',
        details: { fields: [{ field: 'username', reason: '用户名须为 3 至 40 位小写字母、数字或 . _ -' }] },
      });
    const metadata = { actor: { actorId: actor.id, role: actor.role }, now: toShanghaiIso(this.clock.now()) };
    return this.accounts.execute(
      username,
      { ...command, metadata } as UserCommand,
      eventMetadata(actor, req, this.clock),
    );
  }

  /** A department account must name a department of the plan (or its alias), or it could never act. */
  private async canonicalDepartment(department: string): Promise<string> {
    const found = await this.plans.find(this.config.defaultPlanId);
    if (!found) return department.trim();
    const unit = registryOf(found.plan).resolve(department.trim());
    if (unit.kind === 'department') return unit.canonical;
    throw new BadRequestException({
      code: 'VALIDATION',
      message: `所属单位“${department}”不是计划中的单位`,
      details: { fields: [{ field: 'department', reason: `所属单位须为计划 ${found.plan.id} 的单位名称之一` }] },
    });
  }
}

function view(state: ExistingUserState) {
  return { ...publicUser(state.user), status: state.status, statusLabel: USER_STATUS_LABELS[state.status] };
}
