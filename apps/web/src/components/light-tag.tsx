import { Tag, Tooltip } from 'antd';
import type { Light } from '../api/responses';

const COLOURS = { red: 'error', yellow: 'warning', green: 'success' } as const;

/** Why the light is what it is, in the rule's own words. */
export function lightReason(light: Light): string {
  return light.reasons.map((reason) => reason.text).join('；');
}

/**
 * The light as a word (红/黄/绿, or 未交办/已撤销), never colour alone, with the rule's reasons on
 * hover and on keyboard focus; screen readers get them as the tag's accessible description.
 */
export function LightTag({ light }: { light: Light }) {
  const reason = lightReason(light);
  const tag = (
    <Tag
      color={light.colour ? COLOURS[light.colour] : 'default'}
      tabIndex={reason ? 0 : undefined}
      aria-label={reason ? `${light.label}灯：${reason}` : light.label}
      style={{ color: '#000000e0' }}
    >
      {light.label}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
