import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Request body limit: commands are small; a plan file upload is the largest expected body. */
export const BODY_LIMIT = '1mb';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An office's task sheet is a binary .xlsx upload; larger than any command, still bounded. */
export const XLSX_LIMIT = '10mb';

/** HTTP settings that are not modules; shared by main.ts and the e2e tests. */
export function configureHttp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('raw', { type: XLSX_MIME, limit: XLSX_LIMIT });
  app.disable('x-powered-by');
  setupOpenApi(app);
}

/** OpenAPI from the DTOs, Swagger UI at /docs; descriptions in Chinese where users read them. */
function setupOpenApi(app: NestExpressApplication): void {
  const header = (name: string, description: string) => ({ name, in: 'header' as const, required: false, description, schema: { type: 'string' as const } });
  const config = new DocumentBuilder()
    .setTitle('无废城市建设任务督办 API')
    .setDescription('交办、签收、进展报送、里程碑、会签、办结/退回、延期与改派；计划（任务清单、指标、项目）导入。')
    .setVersion('0.1.0')
    .addGlobalParameters(
      header('X-Actor-Id', '操作人编号（访问控制上线前由请求头提供）'),
      header('X-Actor-Role', '角色：office（无废办）、department（部门）、leader（领导）、admin'),
      header('X-Actor-Department', '所属部门（URL 编码的中文名称）'),
      header('If-Match', '任务版本（ETag），版本过期时返回 409'),
      header('Idempotency-Key', '幂等键：同一操作人重复提交时返回首次结果，不重复记录'),
    )
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
}
