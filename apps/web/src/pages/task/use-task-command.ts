import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../api/errors';
import { fieldErrors, showError } from '../../components/show-error';

export const MESSAGE_KEY = 'task-command';

/**
 * Runs a task command and says how it went as people expect: success → a message and fresh data;
 * the api's field errors → on the form's fields; a stale version (409) → the task reloads and the
 * form keeps what was typed; anything else → the api's Chinese message once.
 */
export function useTaskCommand(code: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const refresh = useCallback(async () => {
    await Promise.all(
      [['task', code], ['board'], ['todo']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  }, [queryClient, code]);
  return useCallback(
    async (run: () => Promise<unknown>, done: string, form?: FormInstance): Promise<boolean> => {
      try {
        await run();
        // One key for every command's answer: a new message replaces the last, never stacks on it.
        void message.success({ content: done, key: MESSAGE_KEY });
        await refresh();
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.stale) {
          void message.warning({ content: '任务已被他人更新，已重新加载，请核对后再提交', key: MESSAGE_KEY });
          await refresh();
          return false;
        }
        const fields = fieldErrors<Record<string, unknown>>(error);
        if (form && fields.length) form.setFields(fields);
        else showError(error);
        return false;
      }
    },
    [refresh, message],
  );
}
