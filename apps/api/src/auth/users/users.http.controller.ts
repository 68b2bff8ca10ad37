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
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import { registryOf } from '@zw/domain';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { CurrentActor, type Actor } from '../../actor/actor';
import { viewAnswer } from '../../commands/command-answer';
import { CommandBy, type StreamRequest } from '../../commands/command-request';
import { send, stream, type Data } from '../../commands/commands';
import type { CommandResult } from '../../commands/execute-command.handler';
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
    private readonly bus: CommandBus,
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
  async create(@Body() body: CreateUserDto, @CommandBy() c: StreamRequest) {
    const actor = c.actor;
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
    const result = await this.send(c, username, 'CreateUser', {
      username,
      displayName: body.displayName,
      role: body.role,
      department,
      organisationId,
      passwordHash: await hashPassword(password),
    });
    return withPassword(result, body.password ? undefined : password, 201);
  }

  /** Disabling ends every session of the account at once (its tokens answer 401). */
  @Policy('users.disable')
  @Post(':username/disable')
  @HttpCode(200)
  async disable(@Param('username') username: string, @Body() body: DisableUserDto, @CommandBy() c: StreamRequest) {
    await this.requireReach(c.actor, username);
    return withPassword(await this.send(c, username, 'DisableUser', { reason: body.reason }), undefined, 200);
  }

  @Policy('users.enable')
  @Post(':username/enable')
  @HttpCode(200)
  async enable(@Param('username') username: string, @CommandBy() c: StreamRequest) {
    await this.requireReach(c.actor, username);
    return withPassword(await this.send(c, username, 'EnableUser', {}), undefined, 200);
  }

  /** The user must choose a new password; every session ends. */
  @Policy('users.reset-password')
  @Post(':username/password-reset')
  @HttpCode(200)
  async resetPassword(
    @Param('username') username: string,
    @Body() body: ResetPasswordDto,
    @CommandBy() c: StreamRequest,
  ) {
    await this.requireReach(c.actor, username);
    const password = body.password ?? temporaryPassword(username);
    if (body.password) passwordRejected(() => assertPasswordPolicy(password, username), 'password');
    // Hashed before the command is sent: scrypt is slow and must not hold the account's lock.
    const passwordHash = await hashPassword(password);
    const result = await this.send(c, username, 'ChangePassword', { passwordHash });
    return withPassword(result, body.password ? undefined : password, 200);
  }

  private send<T extends UserCommand['type']>(
    c: StreamRequest,
    username: string,
    type: T,
    data: Data<UserCommand, T>,
  ): Promise<CommandResult> {
    if (!isUsername(username))
      throw new BadRequestException({
        code: 'USER.INVALID_USERNAME',
        message: '用户名无效',
        details: { fields: [{ field: 'username', reason: '用户名须为 3 至 40 位小写字母、数字或 . _ -' }] },
      });
    return send(this.bus, c, stream.user(username), type, data);
  }

  /** An account outside the admin's organisation and those below answers as one that does not exist. */
  private async requireReach(actor: StreamRequest['actor'], username: string): Promise<void> {
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

/**
 * The account as the command left it. A one-time password is shown only by the request that
 * stored its hash: a replay (Idempotency-Key) made up a new one that was never stored, so it shows none.
 */
function withPassword(result: CommandResult, temporaryPassword: string | undefined, status: 200 | 201) {
  const shown = temporaryPassword !== undefined && !result.replayed ? { temporaryPassword } : {};
  return viewAnswer({ ...view(result.state as ExistingUserState), ...shown }, result, status);
}
