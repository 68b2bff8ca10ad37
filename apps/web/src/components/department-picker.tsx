import { useDepartmentOptions } from '../api/departments';
import { FieldSelect } from './field-select';

/**
 * A department of the plan, picked (never typed) by the office or a leader on pages that show
 * one department at a time (单位责任, the calendar subscription). Clearing it picks none.
 */
export function DepartmentPicker(props: {
  label: string;
  placeholder: string;
  width: number;
  value: string | undefined;
  onChange(department: string | undefined): void;
}) {
  const { options } = useDepartmentOptions();
  return (
    <FieldSelect<string>
      aria-label={props.label}
      placeholder={props.placeholder}
      showSearch
      allowClear
      style={{ width: props.width }}
      value={props.value}
      options={options}
      onChange={props.onChange}
    />
  );
}
