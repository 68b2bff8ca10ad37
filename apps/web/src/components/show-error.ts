import { message } from 'antd';
import { ApiError } from '../api/errors';

/** The api's Chinese message in an antd message, once per distinct text (no stacks, no English). */
export function showError(error: unknown): void {
  const text = error instanceof ApiError ? error.message : '操作未成功，请稍后再试';
  void message.error({ content: text, key: text });
}

/** Field errors of a refused request, ready for antd's form.setFields (empty when none is named). */
export function fieldErrors<T>(error: unknown): { name: keyof T & string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return Object.entries(error.fields).map(([name, text]) => ({ name: name as keyof T & string, errors: [text] }));
}
