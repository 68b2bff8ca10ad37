import type { SchemaObject } from '@nestjs/swagger';

/**
 * Builders for the answers' schemas. `object` is closed (`additionalProperties: false`): a field
 * the api adds must be documented before a client sees it, and the e2e response contract fails
 * the suite otherwise. `open` is for data recorded as given (an event's data, a plan file).
 */
const described = (schema: SchemaObject, description?: string): SchemaObject =>
  description ? { ...schema, description } : schema;

export const str = (description?: string): SchemaObject => described({ type: 'string' }, description);
export const int = (description?: string): SchemaObject => described({ type: 'integer' }, description);
export const num = (description?: string): SchemaObject => described({ type: 'number' }, description);
export const bool = (description?: string): SchemaObject => described({ type: 'boolean' }, description);
export const date = (description?: string): SchemaObject => described({ type: 'string', format: 'date' }, description);
/** An instant as the api writes it: ISO 8601 with the Shanghai offset (or Z). */
export const instant = (description?: string): SchemaObject =>
  described({ type: 'string', format: 'date-time' }, description);
/** `null` too; an enum lists it, as OpenAPI 3.0 and ajv ask. */
export const nullable = (schema: SchemaObject): SchemaObject => ({
  ...schema,
  nullable: true,
  ...(schema.enum ? { enum: [...schema.enum, null] } : {}),
});
export const oneOf = (values: readonly string[], description?: string): SchemaObject =>
  described({ type: 'string', enum: [...values] }, description);
export const list = (items: SchemaObject, description?: string): SchemaObject =>
  described({ type: 'array', items }, description);
export const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;

/** A closed object; `optional` names the properties that may be absent (all others are required). */
export function object(properties: Record<string, SchemaObject>, optional: readonly string[] = []): SchemaObject {
  const required = Object.keys(properties).filter((k) => !optional.includes(k));
  return { type: 'object', properties, required, additionalProperties: false };
}

/** An object whose properties are recorded data, not the api's own fields; `required` those always there. */
export const open = (
  description: string,
  properties?: Record<string, SchemaObject>,
  required: readonly string[] = [],
): SchemaObject => ({
  type: 'object',
  description,
  ...(properties ? { properties } : {}),
  ...(required.length ? { required: [...required] } : {}),
  additionalProperties: true,
});

/** A map keyed by a name (department, period) with values of one shape. */
export const dictionary = (values: SchemaObject, description: string): SchemaObject => ({
  type: 'object',
  description,
  additionalProperties: values,
});

/** Revisions and positions are 64-bit: strings of digits, as ETag and X-Min-Position carry them. */
export const revision = (description: string): SchemaObject => ({ type: 'string', pattern: '^\\d+$', description });
