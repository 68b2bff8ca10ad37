import { describe, expect, it } from 'vitest';
import { ApiError, userMessage } from './errors';

describe('ApiError: what a person reads', () => {
  it('given the api Chinese message and field errors, then the message is shown as is and fields map to the form', () => {
    const error = new ApiError(400, {
      statusCode: 400,
      code: 'VALIDATION',
      message: '请求参数有误',
      details: { fields: [{ field: 'newPassword', message: '密码长度不能少于 12 个字符' }] },
    });
    expect(error.message).toBe('请求参数有误');
    expect(error.fields).toEqual({ newPassword: '密码长度不能少于 12 个字符' });
  });

  it('given the older details list with an English reason, then the field still gets a Chinese message', () => {
    const error = new ApiError(400, {
      message: '请求参数有误',
      details: [{ field: 'percent', reason: 'must not be greater than 100' }],
    });
    expect(error.fields).toEqual({ percent: '请求参数有误' });
  });

  it('given an English or missing message, then a Chinese sentence for the status instead', () => {
    expect(userMessage(500, { message: 'Internal server error' })).toBe('服务暂时不可用，请稍后再试');
    expect(userMessage(0, {})).toBe('无法连接服务器，请检查网络后重试');
    expect(userMessage(403, { message: 'Forbidden' })).toBe('没有权限执行此操作');
  });

  it('given a 409 with the current revision, then it is a stale edit; another 409 is not', () => {
    expect(new ApiError(409, { code: 'EVENT_STORE.CONCURRENCY', currentRevision: '5' }).stale).toBe(true);
    expect(new ApiError(409, { code: 'TASK.NOT_ACKNOWLEDGED', message: '尚未签收' }).stale).toBe(false);
    expect(new ApiError(409, { code: 'TASK.STALE', details: { currentRevision: '5' } }).stale).toBe(true);
    expect(new ApiError(409, { code: 'TASK.CLOSED', details: { currentRevision: '5' } }).stale).toBe(false);
    expect(
      new ApiError(400, { details: { fields: [{ field: 'dueDate', reason: '完成期限须为有效日期' }] } }).fields,
    ).toEqual({
      dueDate: '完成期限须为有效日期',
    });
  });
});
