import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  assertPasswordPolicy,
  hashPassword,
  isUsername,
  loginName,
  USER_STATUS_LABELS,
  type ExistingUserState,
  type UserCommand,
} from '@zw/auth';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import { registryOf } from '@zw/domain';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import type { Request } from 'express';
import { CurrentActor, eventMetadata, type Actor } from '../../actor/actor';
import { OrganisationAccess, organisationNotFound } from '../../organisations/organisation-access';
import { PlanCatalogueCache } from '../../plans/plan-catalogue.cache';
import { Policy } from '../policy.decorator';
import { publicUser } from '../sessions/sessions';
import { passwordRejected, temporaryPassword } from './passwords';
import { UserAccounts } from './user-accounts';
import { CreateUserDto, DisableUserDto, ResetPasswordDto } from './user.dtos';

/**
 * Accounts, for admins only: create, list, disable, enable, reset a password. An admin manages
 * the accounts of its organisation and those below it; any other account answers 404, as if it
 * did not exist (organisation-scope.ts).
 */
@ApiTags('用户管理')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly plans: PlanCatalogueCache,
    private readonly organisations: OrganisationAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Policy('users.read')
  @Get()
  async list(@CurrentActor() actor: Actor) {
    const tree = await this.organisations.tree();
    return (await this.accounts.list())
      .filter((s) => this.organisations.reaches(tree, actor, s.user.organisationId ?? undefined))
      .map(view);
  }

  /**
   * 201 with the account; a generated temporary password is shown in this answer only. The login
   * name is scoped by organisation (`zhang@qinglan` outside the default one, user.stream.ts), so a
   * name taken answers 409 only for an account of the same organisation, which the admin reaches.
   */
  @Policy('users.create')
  @Post()
  async create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor, @Req() req: Request) {
    const organisationId = body.organisationId ?? actor.organisationId ?? '';
    const tree = await this.organisations.tree();
    if (!this.organisations.reaches(tree, actor, organisationId)) throw organisationNotFound(organisationId);
    const username = loginName(body.username, organisationId, this.config.defaultOrganisationId);
    if (username === undefined)
      throw new BadRequestException({
        code: 'VALIDATION',
        message: '用户名的“@”后须为所属组织的代码',
        details: { fields: [{ field: 'username', reason: `用户名须为“名称”或“名称@${organisationId}”` }] },
      });
    // An alias (区林海局) is accepted and the account bound to the canonical name of its organisation's plan.
    const department =
      body.role === 'department' && body.department
        ? await this.canonicalDepartment(body.department, organisationId, tree.nodes.get(organisationId)?.plans ?? [])
        : body.department;
    const password = body.password ?? temporaryPassword(username);
    if (body.password) passwordRejected(() => assertPasswordPolicy(password, username.split('@')[0]), 'password');
    const { state } = await this.run(actor, req, username, {
      type: 'CreateUser',
      data: {
        username,
        displayName: body.displayName,
        role: body.role,
        department,
        organisationId,
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
    await this.requireReach(actor, username);
    return view(
      (await this.run(actor, req, username, { type: 'DisableUser', data: { reason: body.reason } }))
        .state as ExistingUserState,
    );
  }

  @Policy('users.enable')
  @Post(':username/enable')
  @HttpCode(200)
  async enable(@Param('username') username: string, @CurrentActor() actor: Actor, @Req() req: Request) {
    await this.requireReach(actor, username);
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
    await this.requireReach(actor, username);
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

  /** An account outside the admin's organisation and those below answers as one that does not exist. */
  private async requireReach(actor: Actor, username: string): Promise<void> {
    const state = isUsername(username) ? await this.accounts.load(username) : undefined;
    if (!state || state.status === 'absent') return; // the domain answers USER.NOT_FOUND
    const tree = await this.organisations.tree();
    if (this.organisations.reaches(tree, actor, state.user.organisationId ?? undefined)) return;
    throw new NotFoundException({ code: 'USER.NOT_FOUND', message: '用户不存在' });
  }

  /**
   * A department account must name a department (or its alias) of its organisation's plan, or it
   * could never act. An organisation with no plan yet (the default one before its plan is
   * imported: the configured default plan) cannot be checked, and is not.
   */
  private async canonicalDepartment(
    department: string,
    organisationId: string,
    plans: readonly string[],
  ): Promise<string> {
    const fallback = organisationId === this.config.defaultOrganisationId ? [this.config.defaultPlanId] : [];
    const ids = plans.length > 0 ? plans : fallback;
    const found = (await Promise.all(ids.map((id) => this.plans.find(id)))).filter((f) => f !== undefined);
    if (found.length === 0) return department.trim();
    for (const f of found) {
      const unit = registryOf(f.plan).resolve(department.trim());
      if (unit.kind === 'department') return unit.canonical;
    }
    throw new BadRequestException({
      code: 'VALIDATION',
      message: `所属单位“${department}”不是本组织计划中的单位`,
      details: {
        fields: [
          { field: 'department', reason: `所属单位须为计划 ${found.map((f) => f.plan.id).join('、')} 的单位名称之一` },
        ],
      },
    });
  }
}

function view(state: ExistingUserState) {
  return { ...publicUser(state.user), status: state.status, statusLabel: USER_STATUS_LABELS[state.status] };
}
