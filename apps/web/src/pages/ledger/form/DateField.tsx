import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/**
 * A calendar day as the contracts take it (YYYY-MM-DD text), picked from a calendar; days outside
 * [min, max] cannot be picked. Read-only input on phones so the keyboard does not cover it.
 */
export function DateField({
  id,
  value,
  onChange,
  min,
  max,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  min?: string;
  max?: string;
}) {
  return (
    <DatePicker
      id={id}
      inputReadOnly
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : null)}
      disabledDate={(day) => {
        const text = day.format('YYYY-MM-DD');
        return (min !== undefined && text < min) || (max !== undefined && text > max);
      }}
      style={{ width: '100%' }}
    />
  );
}
