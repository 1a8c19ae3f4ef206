// Checklist templates are data in `checklistTemplates`; the built-in ones are written there once, and serve as the
// fallback of a deployment that has not been seeded yet.
import type { ChecklistTemplateRecord } from '../domain/visit/records';
import { BUILT_IN_TEMPLATES } from '../domain/visit/checklist';
import type { Database } from './cloud';
import { createOnce } from './createOnce';
import { findAll, getById } from './store';

export async function loadTemplate(db: Database, templateId: string): Promise<ChecklistTemplateRecord | null> {
  return (
    (await getById<ChecklistTemplateRecord>(db, 'checklistTemplates', templateId)) ??
    BUILT_IN_TEMPLATES.find((t) => t._id === templateId) ??
    null
  );
}

export async function listTemplates(db: Database): Promise<ChecklistTemplateRecord[]> {
  const stored = await findAll<ChecklistTemplateRecord>(db, 'checklistTemplates', {});
  const ids = new Set(stored.map((t) => t._id));
  return [...stored, ...BUILT_IN_TEMPLATES.filter((t) => !ids.has(t._id))];
}

/** Insert the built-in templates that are missing; templates already stored (perhaps edited) are left alone. */
export async function ensureBuiltInTemplates(db: Database): Promise<number> {
  let created = 0;
  for (const t of BUILT_IN_TEMPLATES)
    if (await createOnce(db, 'checklistTemplates', { ...t, items: t.items.map((i) => ({ ...i })) })) created += 1;
  return created;
}
