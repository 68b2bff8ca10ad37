import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { fieldErrors, showError } from '../../components/show-error';

/**
 * Runs an indicator command (报送, 确认, 退回): success → a message and fresh data (the indicator,
 * the lists and 我的待办); the api's field errors → on the form's fields; else its Chinese message.
 */
export function useIndicatorCommand(indicatorId: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useCallback(
    async (run: () => Promise<unknown>, done: string, form?: FormInstance): Promise<boolean> => {
      try {
        await run();
        void message.success(done);
        await Promise.all(
          [['indicator', indicatorId], ['indicators'], ['todo']].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        );
        return true;
      } catch (error) {
        const fields = fieldErrors<Record<string, unknown>>(error);
        if (form && fields.length) form.setFields(fields);
        else showError(error);
        return false;
      }
    },
    [queryClient, indicatorId, message],
  );
}
