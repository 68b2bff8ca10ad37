import { BadRequestException, type ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AssignTaskDto, CompleteMilestoneDto, ProgressReportDto } from '../tasks/dto/task-command.dtos';
import { labelOf, TEMPLATES } from './validation-messages';
import { createValidationPipe } from './validation.pipe';

/** Every `*.dtos.ts` of the api, so a DTO added later is checked too. */
function dtoFiles(dir = join(__dirname, '..')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dtoFiles(path);
    return name.endsWith('.dtos.ts') ? [path] : [];
  });
}

async function refusal(pipe: ValidationPipe, body: unknown, metatype: new () => unknown) {
  const error = await pipe.transform(body, { type: 'body', metatype }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadRequestException);
  return (error as BadRequestException).getResponse() as {
    code: string;
    message: string;
    details: { fields: Array<{ field: string; reason: string }> };
  };
}

const CJK = /[\u4e00-\u9fff]/;

describe('validation messages: one Chinese reason per field, from one table', () => {
  const pipe = createValidationPipe();

  it('given a bad nested date, an unknown field and a missing title, names each field in Chinese', async () => {
    const body = await refusal(
      pipe,
      { milestones: [{ dueDate: '2024-02-30', owner: '区城管局' }], colour: 'red' },
      AssignTaskDto,
    );
    expect(body.code).toBe('VALIDATION');
    expect(body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'colour', reason: '不接受字段“colour”' },
        { field: 'milestones[0].dueDate', reason: '完成期限须为有效日期（YYYY-MM-DD）' },
        { field: 'milestones[0].title', reason: '里程碑名称为必填项' },
      ]),
    );
    expect(body.message).toMatch(/^.+（另有 2 处问题，见 details\.fields）$/);
  });

  it('given numbers out of range and a wrong type, says the bound and the type', async () => {
    const body = await refusal(pipe, { percent: 120, text: 5 }, ProgressReportDto);
    expect(body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'percent', reason: '完成百分比不能大于 100' },
        { field: 'text', reason: '进展情况须为文本' },
      ]),
    );
  });

  it('given strings where 佐证材料 objects belong, says each item must be an object', async () => {
    const body = await refusal(pipe, { evidence: ['a.pdf'] }, CompleteMilestoneDto);
    expect(body.details.fields.map((f) => f.reason).join()).toMatch(/佐证材料.*须为 JSON 对象/);
    expect(JSON.stringify(body)).not.toMatch(/nested property|must be/);
  });

  it('every rule any DTO of the api uses has a Chinese template, and every validated field a Chinese label', async () => {
    const files = dtoFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    // Loaded so that their rules are in class-validator's storage.
    for (const file of files) await import(file);
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<new () => unknown, Array<{ name?: string; type: string; propertyName: string }>>;
    };
    const missingTemplates = new Set<string>();
    const missingLabels: string[] = [];
    for (const [target, rules] of storage.validationMetadatas) {
      if (!target.name.endsWith('Dto')) continue;
      for (const rule of rules) {
        const name = rule.name ?? rule.type;
        const skipped = ['conditionalValidation', 'whitelistValidation', 'nestedValidation'].includes(rule.type);
        if (!skipped && !TEMPLATES[name]) missingTemplates.add(`${target.name}.${rule.propertyName}: ${name}`);
        if (!CJK.test(labelOf(target, rule.propertyName))) missingLabels.push(`${target.name}.${rule.propertyName}`);
      }
    }
    expect([...missingTemplates]).toEqual([]);
    expect(missingLabels).toEqual([]);
  });
});
