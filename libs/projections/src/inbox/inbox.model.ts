import { parseIndicatorStreamId, parseTaskStreamId } from '@zw/domain';
import type { RecordedEvent } from '@zw/event-store';

/**
 * The notification inbox (GET /me/notifications), folded from the log: what the in-app reminder
 * channel recorded (催办 to a department, 督办 to the office or leadership) and the events that
 * need someone's attention (a task given to a department, 退回 to its leads, a decision on an
 * extension request, an objection to a sign-off). Kept per audience and plan, oldest first: an
 * audience is named by department or role, which two districts share (both have a 区城管局 and an
 * office), so the cap is per plan and one district's traffic never pushes out another's.
 */
export type NotificationKind = 'reminder' | 'escalation' | 'assigned' | 'returned' | 'extension-decided' | 'objection';

export const NOTIFICATION_LABELS = {
  reminder: '催办',
  escalation: '督办',
  assigned: '交办',
  returned: '退回',
  'extension-decided': '延期审批',
  objection: '会签异议',
} as const satisfies Record<NotificationKind, string>;

export interface Notification {
  /** The global position of the event: the id to page with and to mark read up to. */
  readonly position: string;
  readonly at: string;
  readonly kind: NotificationKind;
  readonly kindLabel: string;
  readonly planId: string;
  /** The task code, or `indicator:<序号>`. */
  readonly code: string;
  readonly title: string;
  readonly text: string;
}

/** `department:<name>`, `office` or `leadership`: whom a notification is for. */
export type Audience = string;

export function audienceOf(who: { role: string; department?: string }): Audience | undefined {
  if (who.role === 'department') return who.department ? `department:${who.department}` : undefined;
  if (who.role === 'office') return 'office';
  if (who.role === 'leader') return 'leadership';
  return undefined;
}

const IN_APP = 'inapp';
type Data = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export class InboxModel {
  /** audience → plan → notifications, oldest first. */
  private readonly byAudience = new Map<Audience, Map<string, Notification[]>>();
  /** What later events need from earlier ones: a task's title and leads, who asked for an extension. */
  private readonly tasks = new Map<string, { title: string; leads: string[] }>();
  private readonly requesters = new Map<string, string>();

  /** `cap`: notifications kept per audience and plan (the oldest are dropped: unread counts stop there). */
  constructor(private readonly cap = 1000) {}

  apply(event: RecordedEvent): void {
    const task = parseTaskStreamId(event.streamId);
    const indicator = task ? undefined : parseIndicatorStreamId(event.streamId);
    if (!task && !indicator) return;
    const data = (event.data ?? {}) as Data;
    const planId = task?.planId ?? indicator!.planId;
    const code = task ? task.code : `indicator:${indicator!.indicatorId}`;
    const known = this.tasks.get(event.streamId);
    const title = known?.title ?? (indicator ? `指标 ${indicator.indicatorId}` : code);
    const add = (audience: Audience, kind: NotificationKind, text: string, named = title) =>
      this.add(audience, {
        position: event.position.toString(),
        at: event.metadata.occurredAt,
        kind,
        kindLabel: NOTIFICATION_LABELS[kind],
        planId,
        code,
        title: named,
        text,
      });
    switch (event.type) {
      case 'ReminderSent':
        if (data.channel === IN_APP) add(`department:${str(data.department)}`, 'reminder', str(data.message));
        return;
      case 'EscalationSent':
        if (data.channel === IN_APP) add(str(data.level), 'escalation', str(data.message));
        return;
      case 'TaskAssigned':
      case 'TaskCreated': {
        const facts = (data.facts ?? {}) as Data;
        const named = str(facts.title) || code;
        const leads = list(data.lead);
        this.tasks.set(event.streamId, { title: named, leads });
        for (const d of leads) add(`department:${d}`, 'assigned', `任务 ${code} 已交办贵单位牵头，请及时签收`, named);
        for (const d of list(data.cooperating))
          add(`department:${d}`, 'assigned', `任务 ${code} 已交办贵单位配合，请及时签收`, named);
        return;
      }
      case 'TaskReassigned': {
        const leads = list(data.lead);
        if (known) known.leads = leads;
        for (const d of list(data.added))
          add(
            `department:${d}`,
            'assigned',
            `任务 ${code} 改派给贵单位（${leads.includes(d) ? '牵头' : '配合'}），请及时签收`,
          );
        return;
      }
      case 'TaskReturned':
        for (const d of known?.leads ?? []) add(`department:${d}`, 'returned', `无废办退回：${str(data.reason)}`);
        return;
      case 'ExtensionRequested':
        this.requesters.set(`${event.streamId}/${str(data.extensionId)}`, str(data.department));
        return;
      case 'ExtensionApproved':
      case 'ExtensionRejected': {
        const requester = this.requesters.get(`${event.streamId}/${str(data.extensionId)}`);
        if (!requester) return;
        const text =
          event.type === 'ExtensionApproved'
            ? `延期申请已批准：期限延至 ${str(data.newDueDate)}`
            : `延期申请未批准：${str(data.reason)}`;
        add(`department:${requester}`, 'extension-decided', text);
        return;
      }
      case 'SignOffObjected':
        add('office', 'objection', `${str(data.department)} 对会签提出异议：${str(data.reason)}`);
        return;
      default:
        return;
    }
  }

  /**
   * The audience's notifications of the plans `inReach` accepts, newest first. A plan belongs to
   * one organisation, so a caller sees only its own district's (a city's leader: its districts').
   */
  newestFirst(audience: Audience, inReach: (planId: string) => boolean): Notification[] {
    const lists = [...(this.byAudience.get(audience) ?? new Map<string, Notification[]>())]
      .filter(([planId]) => inReach(planId))
      .map(([, list]) => list);
    const merged = lists.length === 1 ? [...lists[0]!] : lists.flat().sort(byPosition);
    return merged.reverse();
  }

  private add(audience: Audience, notification: Notification): void {
    if (audience === 'department:' || audience === '') return;
    const plans = this.byAudience.get(audience) ?? new Map<string, Notification[]>();
    const all = plans.get(notification.planId) ?? [];
    all.push(notification);
    if (all.length > this.cap) all.shift();
    plans.set(notification.planId, all);
    this.byAudience.set(audience, plans);
  }
}

/** Oldest first by global position (positions are decimal strings of bigints). */
function byPosition(a: Notification, b: Notification): number {
  const [x, y] = [BigInt(a.position), BigInt(b.position)];
  return x < y ? -1 : x > y ? 1 : 0;
}
