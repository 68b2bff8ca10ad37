import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { App, Form, Input } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { useTaskCommand } from './use-task-command';

type Run = ReturnType<typeof useTaskCommand>;

/** The hook inside antd's App (its message holder) and a query client, as the console mounts it. */
function mount(): { run: () => Run; form: () => ReturnType<typeof Form.useForm>[0] } {
  let run: Run | undefined;
  let form: ReturnType<typeof Form.useForm>[0] | undefined;
  function Probe() {
    run = useTaskCommand('A-6');
    [form] = Form.useForm();
    return (
      <Form form={form}>
        <Form.Item label="进展情况" name="text">
          <Input />
        </Form.Item>
      </Form>
    );
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <Probe />
      </App>
    </QueryClientProvider>,
  );
  return { run: () => run!, form: () => form! };
}

const notices = () => document.querySelectorAll('.ant-message-notice');

// antd's first render is slow on a shared machine; nothing here measures time.
describe('useTaskCommand: how a command says how it went', { timeout: 120_000 }, () => {
  it('given two answers in a row, then one message on screen: the newer replaces the older, never stacks', async () => {
    const { run } = mount();
    await act(async () => {
      await run()(() => Promise.resolve({}), '任务已改派');
      await run()(() => Promise.resolve({}), '任务已撤销');
    });
    await screen.findByText('任务已撤销');
    await waitFor(() => expect(notices()).toHaveLength(1));
  });

  it('given a stale version (409), then it says the task was reloaded, keeps what was typed and reports not done', async () => {
    const { run, form } = mount();
    act(() => form().setFieldValue('text', '已完成初稿'));
    let done: boolean | undefined;
    await act(async () => {
      done = await run()(
        () => Promise.reject(new ApiError(409, { code: 'TASK.STALE', message: '任务已被他人更新' })),
        '进展已报送',
        form(),
      );
    });
    expect(done).toBe(false);
    await screen.findByText('任务已被他人更新，已重新加载，请核对后再提交');
    expect(form().getFieldValue('text')).toBe('已完成初稿');
    expect(screen.queryByText('进展已报送')).toBeNull();
  });

  it('given field errors from the api, then they land on the form fields and no message stacks on them', async () => {
    const { run, form } = mount();
    const refused = new ApiError(400, {
      code: 'VALIDATION',
      message: '进展情况不能为空',
      details: { fields: [{ field: 'text', message: '进展情况不能为空' }] },
    });
    await act(async () => {
      await run()(() => Promise.reject(refused), '进展已报送', form());
    });
    expect(form().getFieldError('text')).toEqual(['进展情况不能为空']);
    expect(notices()).toHaveLength(0);
  });
});
