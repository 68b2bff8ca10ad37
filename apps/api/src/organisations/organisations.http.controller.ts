import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@zw/clock';
import { ORGANISATION_KIND_LABELS, organisationError, type OrganisationTree } from '@zw/domain';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { planStreamId } from '@zw/plan';
import type { Request } from 'express';
import { commandMetadata, CurrentActor, eventMetadata, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { planNotFound } from '../http/request-conventions';
import { OrganisationAccess } from './organisation-access';
import { AttachPlanDto, CreateOrganisationDto, MoveOrganisationDto, RenameOrganisationDto } from './organisation.dtos';
import { Organisations } from './organisations';

/**
 * The organisation tree over HTTP. Everyone sees the part of the tree they reach; admins build
 * it below their own organisation (a root is made from the shell, `npm run organisations`). The
 * access guard has already answered 404 for an `:organisationId` outside the caller's reach; a
 * parent or plan out of reach is answered as if it did not exist.
 */
@ApiTags('组织')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: Organisations,
    private readonly access: OrganisationAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Policy('organisation.read')
  @Get()
  @ApiOperation({ summary: '本账号可及的组织（本组织，领导和管理员另含下级）及其计划' })
  async list(@CurrentActor() actor: Actor) {
    const tree = await this.access.tree();
    return [...tree.nodes.values()]
      .filter((node) => this.access.reaches(tree, actor, node.id))
      .map((node) => view(tree, node.id));
  }

  @Policy('organisation.manage')
  @Post()
  @ApiOperation({ summary: '建立组织（本组织之下）' })
  async create(@Body() body: CreateOrganisationDto, @CurrentActor() actor: Actor, @Req() req: Request) {
    const tree = await this.access.tree();
    if (body.parentId === undefined || !this.access.reaches(tree, actor, body.parentId))
      throw organisationError('ORGANISATION.PARENT_NOT_FOUND', { parentId: body.parentId ?? null });
    const { tree: after } = await this.run(actor, req, {
      type: 'CreateOrganisation',
      data: { organisationId: body.organisationId, name: body.name, kind: body.kind, parentId: body.parentId },
    });
    return view(after, body.organisationId);
  }

  @Policy('organisation.manage')
  @Put(':organisationId/name')
  @ApiOperation({ summary: '组织更名' })
  async rename(
    @Param('organisationId') organisationId: string,
    @Body() body: RenameOrganisationDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ) {
    const { tree } = await this.run(actor, req, {
      type: 'RenameOrganisation',
      data: { organisationId, name: body.name },
    });
    return view(tree, organisationId);
  }

  @Policy('organisation.manage')
  @Put(':organisationId/parent')
  @ApiOperation({ summary: '调整上级组织（如独立运行的区并入其市）' })
  async move(
    @Param('organisationId') organisationId: string,
    @Body() body: MoveOrganisationDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ) {
    if (!this.access.reaches(await this.access.tree(), actor, body.parentId))
      throw organisationError('ORGANISATION.PARENT_NOT_FOUND', { parentId: body.parentId });
    const { tree } = await this.run(actor, req, {
      type: 'MoveOrganisation',
      data: { organisationId, parentId: body.parentId },
    });
    return view(tree, organisationId);
  }

  @Policy('organisation.manage')
  @Post(':organisationId/plans')
  @HttpCode(200)
  @ApiOperation({ summary: '将已导入的计划归入组织（一个计划只属于一个组织）' })
  async attach(
    @Param('organisationId') organisationId: string,
    @Body() body: AttachPlanDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ) {
    const tree = await this.access.tree();
    const owner = tree.planOwners.get(body.planId);
    // A plan another organisation holds, out of the caller's reach, is not revealed.
    if (owner !== undefined && !this.access.reaches(tree, actor, owner)) throw planNotFound(body.planId);
    if ((await this.store.readStream(planStreamId(body.planId))).length === 0) throw planNotFound(body.planId);
    const { tree: after } = await this.run(actor, req, {
      type: 'AttachPlan',
      data: { organisationId, planId: body.planId },
    });
    return view(after, organisationId);
  }

  private run(actor: Actor, req: Request, command: Omit<OrganisationCommandOf, 'metadata'>) {
    return this.organisations.execute(
      { ...command, metadata: commandMetadata(actor, this.clock) } as OrganisationCommandOf,
      eventMetadata(actor, req, this.clock),
    );
  }
}

type OrganisationCommandOf = Parameters<Organisations['execute']>[0];

function view(tree: OrganisationTree, organisationId: string) {
  const node = tree.nodes.get(organisationId);
  if (!node) throw new NotFoundException({ code: 'ORGANISATION.NOT_FOUND', message: '组织不存在' });
  return { ...node, kindLabel: ORGANISATION_KIND_LABELS[node.kind] };
}
