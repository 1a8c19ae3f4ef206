// The residential checklist 居民住房消防安全排查表 (附件6) the visit form is built from, read as data.
import type { ChecklistTemplateView } from '../../../typings/visit';
import { defineAction } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { listTemplates, loadTemplate } from '../../infra/checklistRepo';
import { getChecklistTemplateSchema, listChecklistTemplatesSchema } from '../../domain/visit/schemas';
import { templateView } from '../../domain/visit/views';

const READERS = ['visitor', 'office', 'discipline', 'liaison', 'gridLeader', 'villager'] as const;

export const getChecklistTemplate = defineAction({
  schema: getChecklistTemplateSchema,
  access: READERS,
  async run(ctx, input): Promise<ChecklistTemplateView> {
    const t = await loadTemplate(ctx.db, input.templateId);
    if (!t) throw new AppError('NOT_FOUND', '该排查表不存在', 'templateId');
    return templateView(t);
  },
});

export const listChecklistTemplates = defineAction({
  schema: listChecklistTemplatesSchema,
  access: READERS,
  async run(ctx): Promise<ChecklistTemplateView[]> {
    return (await listTemplates(ctx.db)).map(templateView);
  },
});
