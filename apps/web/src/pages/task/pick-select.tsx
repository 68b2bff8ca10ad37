import { AutoComplete, Select, type AutoCompleteProps, type SelectProps } from 'antd';

/**
 * antd's Form.Item marks a required control with aria-required, which Select and AutoComplete
 * put on their outer <div> where ARIA does not allow it (axe: aria-allowed-attr). These drop it;
 * the field still shows its mark and refuses to be left empty.
 */
type WithoutAriaRequired<P> = P & { 'aria-required'?: unknown };

/** A Select for names picked from the plan. */
export function PickSelect({ 'aria-required': _dropped, ...props }: WithoutAriaRequired<SelectProps>) {
  return <Select {...props} />;
}

/** Free text with the plan's own words offered (e.g. a 领域 already in use). */
export function SuggestInput({ 'aria-required': _dropped, ...props }: WithoutAriaRequired<AutoCompleteProps>) {
  return <AutoComplete {...props} />;
}
