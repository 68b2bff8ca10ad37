import { Select, type SelectProps } from 'antd';

/**
 * A Select for a required form field. antd's Form.Item gives a required control aria-required,
 * and rc-select copies it onto its outer div, where ARIA does not allow it (axe: aria-allowed-attr,
 * serious). The field stays marked required (asterisk, error message on the field).
 */
export function FieldSelect<T extends string | number | boolean | (string | number)[]>(
  props: SelectProps<T> & { 'aria-required'?: unknown },
) {
  const { 'aria-required': _dropped, ...rest } = props;
  return <Select<T> {...rest} />;
}
