import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

/** GET /me/todo, shared by the page and the login, which asks for it as soon as the session exists. */
export const todoQuery = queryOptions({
  queryKey: ['todo'],
  queryFn: () => unwrap<components['schemas']['TodoAnswerDto']>(api.GET('/me/todo')),
});
