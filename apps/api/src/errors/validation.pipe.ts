import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { describeValidationErrors, type FieldProblem } from './validation-messages';

/**
 * The 400 of every refused input, whoever found it (the pipe, a controller, a domain lookup):
 * code `VALIDATION`, the first reason as the message, every field in `details.fields`.
 */
export function validationFailed(fields: readonly FieldProblem[]): BadRequestException {
  const first = fields[0];
  const more = fields.length > 1 ? `（另有 ${fields.length - 1} 处问题，见 details.fields）` : '';
  return new BadRequestException({
    code: 'VALIDATION',
    message: first ? `${first.reason}${more}` : '请求内容无效',
    details: { fields },
  });
}

/** Whitelist, refuse unknown fields, transform to DTO classes: applied to every route. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The target and value stay on the errors so the messages can name the field and tell a
    // missing value from a wrong one; neither is ever sent back.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => validationFailed(describeValidationErrors(errors)),
  });
}
