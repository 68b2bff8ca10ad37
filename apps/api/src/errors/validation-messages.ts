import type { ValidationError } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

/**
 * Every class-validator refusal in Chinese, in one place: the constraint's name picks a template,
 * the field's Chinese label comes from its OpenAPI description (the words before the first
 * punctuation: `截止日期 YYYY-MM-DD` → 截止日期), or from LABELS where a DTO has none. The
 * decorators' own English messages are never shown, so a new DTO needs no message strings.
 */

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** Labels for properties whose OpenAPI description is missing or reads badly as a label. */
const LABELS: Readonly<Record<string, string>> = {
  status: '状态',
  lead: '牵头单位',
  cooperating: '配合单位',
  body: '请求体',
};

type Template = (label: string, args: readonly unknown[], hint: string | undefined) => string;

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join('、') : String(values));

/** Constraint name (class-validator's, or ours) → Chinese reason naming the field. */
export const TEMPLATES: Readonly<Record<string, Template>> = {
  isString: (l) => `${l}须为文本`,
  isLength: (l, [min, max]) =>
    max === undefined ? `${l}至少 ${String(min)} 个字符` : `${l}长度须为 ${String(min)} 至 ${String(max)} 个字符`,
  maxLength: (l, [n]) => `${l}不能超过 ${String(n)} 个字符`,
  minLength: (l, [n]) => `${l}至少 ${String(n)} 个字符`,
  isArray: (l) => `${l}须为数组`,
  arrayMinSize: (l, [n]) => `${l}至少 ${String(n)} 项`,
  arrayMaxSize: (l, [n]) => `${l}至多 ${String(n)} 项`,
  arrayUnique: (l) => `${l}不能有重复项`,
  isIn: (l, [values]) => `${l}须为以下之一：${list(values)}`,
  isEnum: (l, [, values]) => `${l}须为以下之一：${list(values)}`,
  isInt: (l) => `${l}须为整数`,
  isNumber: (l, [options]) => {
    const places = (options as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
    return places === undefined ? `${l}须为数字` : `${l}须为数字（至多 ${places} 位小数）`;
  },
  min: (l, [n]) => `${l}不能小于 ${String(n)}`,
  max: (l, [n]) => `${l}不能大于 ${String(n)}`,
  isPositive: (l) => `${l}须为正数`,
  isBoolean: (l) => `${l}须为 true 或 false`,
  isUrl: (l) => `${l}须为 http 或 https 链接`,
  isEmail: (l) => `${l}须为有效的电子邮箱地址`,
  isNotEmpty: (l) => `${l}不能为空`,
  isDefined: (l) => `${l}为必填项`,
  isObject: (l) => `${l}须为 JSON 对象`,
  matches: (l, _args, hint) =>
    hint ? `${l}格式不正确${/^[（(]/.test(hint) ? hint : `（${hint}）`}` : `${l}格式不正确`,
  isCalendarDate: (l) => `${l}须为有效日期（YYYY-MM-DD）`,
  nestedValidation: (l) => `${l}须为 JSON 对象`,
};

/** Flattens nested errors into `{ field: 'milestones[0].dueDate', reason }`, one reason per field. */
export function describeValidationErrors(
  errors: readonly ValidationError[],
  parent = '',
  parentLabel = '',
): FieldProblem[] {
  return errors.flatMap((error) => {
    const item = /^\d+$/.test(error.property);
    const field = item ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const owner = error.target?.constructor as Owner | undefined;
    // An array's item has no label of its own: it is the n-th of its array's.
    const label = item ? `${parentLabel}第 ${Number(error.property) + 1} 项` : labelOf(owner, error.property);
    const names = Object.keys(error.constraints ?? {});
    const own = names.length > 0 ? [{ field, reason: reasonFor(error, owner, label, names) }] : [];
    return [...own, ...describeValidationErrors(error.children ?? [], field, label)];
  });
}

/** Type checks come first: "须为文本" says more than a length rule about a number. */
const TYPE_CHECKS = ['nestedValidation', 'isObject', 'isArray', 'isString', 'isInt', 'isNumber', 'isBoolean'];

function reasonFor(error: ValidationError, owner: Owner | undefined, label: string, names: readonly string[]): string {
  if (names.includes('whitelistValidation')) return `不接受字段“${error.property}”`;
  if (error.value === undefined || error.value === null) return `${label}为必填项`;
  const name = TYPE_CHECKS.find((n) => names.includes(n)) ?? names[0]!;
  const rule = owner ? ruleOf(owner, error.property, name) : undefined;
  const template = TEMPLATES[name];
  const shown = rule?.each ? `${label}的每一项` : label;
  return template ? template(shown, rule?.constraints ?? [], hintOf(owner, error.property, label)) : `${shown}无效`;
}

type Owner = abstract new () => unknown;

type Rule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

function ruleOf(owner: Owner, property: string, name: string): Rule | undefined {
  return getMetadataStorage()
    .getTargetValidationMetadatas(owner as new () => unknown, '', true, false)
    .find((m) => m.propertyName === property && (m.name ?? m.type) === name);
}

function descriptionOf(owner: Owner | undefined, property: string): string | undefined {
  if (!owner) return undefined;
  const meta = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, owner.prototype as object, property) as
    { description?: unknown } | undefined;
  return typeof meta?.description === 'string' ? meta.description : undefined;
}

/** The field's Chinese name: its description up to the first punctuation or space. */
export function labelOf(owner: Owner | undefined, property: string): string {
  if (LABELS[property]) return LABELS[property];
  const description = descriptionOf(owner, property);
  const label = description?.split(/[\s：:（(，,；;]/)[0];
  return label ? label : `字段“${property}”`;
}

/** What the description says beyond the label (the expected format), for a pattern's refusal. */
function hintOf(owner: Owner | undefined, property: string, label: string): string | undefined {
  const description = descriptionOf(owner, property);
  if (!description) return undefined;
  const rest = description
    .slice(description.startsWith(label) ? label.length : 0)
    .replace(/^[\s：:，,]+/, '')
    .replace(/^（(.*)）$/, '$1');
  return rest || undefined;
}
