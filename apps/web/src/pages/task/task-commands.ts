import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** Acts only on the version the person saw (If-Match), safe to retry (Idempotency-Key). */
export interface Target {
  code: string;
  revision: string;
}

const params = (t: Target) => ({
  path: { code: t.code },
  header: { 'If-Match': `"${t.revision}"`, 'Idempotency-Key': crypto.randomUUID() },
});

/** Every command the task page sends, typed by the generated client. */
export const taskCommands = {
  acknowledge: (t: Target) => unwrap(api.POST('/tasks/{code}/acknowledgements', { params: params(t) })),
  reportProgress: (t: Target, body: Schemas['ProgressReportDto']) =>
    unwrap(api.POST('/tasks/{code}/progress-reports', { params: params(t), body })),
  completeMilestone: (t: Target, milestoneId: string, body: Schemas['CompleteMilestoneDto']) =>
    unwrap(
      api.POST('/tasks/{code}/milestones/{milestoneId}/completion', {
        params: { ...params(t), path: { code: t.code, milestoneId } },
        body,
      }),
    ),
  requestSignOff: (t: Target, body: Schemas['NoteDto']) =>
    unwrap(api.POST('/tasks/{code}/sign-off-request', { params: params(t), body })),
  signOff: (t: Target, body: Schemas['NoteDto']) =>
    unwrap(api.POST('/tasks/{code}/sign-offs', { params: params(t), body })),
  object: (t: Target, body: Schemas['ReasonDto']) =>
    unwrap(api.POST('/tasks/{code}/objections', { params: params(t), body })),
  requestExtension: (t: Target, body: Schemas['ExtensionRequestDto']) =>
    unwrap(api.POST('/tasks/{code}/extensions', { params: params(t), body })),
  accept: (t: Target, body: Schemas['NoteDto']) =>
    unwrap(api.POST('/tasks/{code}/acceptance', { params: params(t), body })),
  return: (t: Target, body: Schemas['ReasonDto']) =>
    unwrap(api.POST('/tasks/{code}/return', { params: params(t), body })),
  reassign: (t: Target, body: Schemas['ReassignTaskDto']) =>
    unwrap(api.POST('/tasks/{code}/reassignment', { params: params(t), body })),
  cancel: (t: Target, body: Schemas['ReasonDto']) =>
    unwrap(api.POST('/tasks/{code}/cancellation', { params: params(t), body })),
  approveExtension: (t: Target, extensionId: string, body: Schemas['NoteDto']) =>
    unwrap(
      api.POST('/tasks/{code}/extensions/{extensionId}/approval', {
        params: { ...params(t), path: { code: t.code, extensionId } },
        body,
      }),
    ),
  rejectExtension: (t: Target, extensionId: string, body: Schemas['ReasonDto']) =>
    unwrap(
      api.POST('/tasks/{code}/extensions/{extensionId}/rejection', {
        params: { ...params(t), path: { code: t.code, extensionId } },
        body,
      }),
    ),
};
