// Importing a place list from .xlsx (townships keep these lists in Excel): every row is checked first, and a file
// with any bad row is refused whole with its row-level errors. A good file is written all or nothing: its places go in
// under ids that follow from the file's bytes, invisible (active: false) until the last one is in, then switched on
// together; a retry (or the same file again) resumes or finds it done, never duplicates.
import { createHash } from 'crypto';
import type { ImportPreview, ImportResult, ImportRowError } from '../../../typings/place';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { auditRecord } from '../../infra/audit';
import { createAllOnce, createOnce } from '../../infra/createOnce';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { findAll, getById } from '../../infra/store';
import { downloadUpload, readFirstSheet } from '../../infra/xlsxRead';
import { IMPORT_COLUMNS, IMPORT_HEADERS, parseImport, placeKey } from '../../domain/place/importLayout';
import type { PlaceImportRecord, PlaceRecord } from '../../domain/place/records';
import type { PlaceFields } from '../../domain/place/schemas';
import { importFileSchema } from '../../domain/place/schemas';
import { placeRecord } from './places';
import { villageNames } from './repo';

interface Checked {
  places: PlaceFields[];
  errors: ImportRowError[];
}

/** The uploaded file and its import id, which follows from the township and the file's bytes. */
async function upload(ctx: ActionContext, fileId: string): Promise<{ file: Buffer; importId: string }> {
  const file = await downloadUpload(fileId);
  const hash = createHash('sha256').update(actorOf(ctx).townshipId).update('\u0000').update(file).digest('hex');
  return { file, importId: `imp-${hash.slice(0, 24)}` };
}

/** Read and check the whole file; nothing is written here. */
async function checkFile(ctx: ActionContext, file: Buffer, importId: string): Promise<Checked> {
  const townshipId = actorOf(ctx).townshipId;
  const sheet = await readFirstSheet(file, IMPORT_COLUMNS.length);
  const names = await villageNames(ctx);
  const idsByName = new Map([...names.entries()].map(([id, name]) => [name, id]));
  const parsed = parseImport(sheet.header, sheet.rows, idsByName);
  if (parsed.errors.length) return parsed;
  // a place already in the registry (not one of this file's own, from an interrupted earlier attempt)
  const existing = await findAll<PlaceRecord>(ctx.db, 'places', { townshipId, active: true });
  const registered = new Map(existing.filter((p) => p.importId !== importId).map((p) => [placeKey(p), p.name]));
  const dataRows = sheet.rows.filter((r) => r.cells.some((c) => c !== ''));
  const errors = parsed.places.flatMap((p, i): ImportRowError[] =>
    registered.has(placeKey(p))
      ? [{ row: dataRows[i].row, column: '场所名称', message: `“${p.name}”已在系统中登记（村、名称、地址相同）` }]
      : [],
  );
  return { places: parsed.places, errors };
}

function refusal(errors: readonly ImportRowError[]): AppError {
  const shown = errors
    .slice(0, 5)
    .map((e) => `第${e.row}行“${e.column}”：${e.message}`)
    .join('；');
  const more = errors.length > 5 ? `（共${errors.length}处，完整清单见导入前的逐行检查结果）` : '';
  return new AppError('IMPORT_ROWS_INVALID', `导入文件有${errors.length}处错误，未导入任何场所。${shown}${more}`, 'fileId');
}

export const previewPlaceImport = defineAction({
  schema: importFileSchema,
  access: ['office'],
  async run(ctx, input): Promise<ImportPreview> {
    const { file, importId } = await upload(ctx, input.fileId);
    const checked = await checkFile(ctx, file, importId);
    return { rows: checked.places.length + checked.errors.length, errors: checked.errors, columns: IMPORT_HEADERS };
  },
});

export const importPlaces = defineAction({
  schema: importFileSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'importPlaces', async (): Promise<ImportResult> => {
      const actor = actorOf(ctx);
      const { file, importId } = await upload(ctx, input.fileId);
      const prior = await getById<PlaceImportRecord>(ctx.db, 'placeImports', importId);
      if (prior?.status === 'done') return { importId, imported: prior.rows, alreadyImported: true };
      const { places, errors } = await checkFile(ctx, file, importId);
      if (errors.length) throw refusal(errors);
      const records = places.map((p, i) => placeRecord(actor.townshipId, p, ctx.now, `${importId}-${i + 1}`, importId));
      const started: PlaceImportRecord = {
        _id: importId,
        townshipId: actor.townshipId,
        fileId: input.fileId,
        rows: records.length,
        placeIds: records.map((r) => r._id),
        status: 'writing',
        byPersonId: actor.personId,
        createdAt: ctx.now,
        doneAt: null,
      };
      await createOnce(ctx.db, 'placeImports', { ...started });
      await createAllOnce(ctx, 'places', records, 'importPlaces');
      // the commit point: every place of the file becomes visible in one request
      await ctx.db
        .collection('places')
        .where({ townshipId: actor.townshipId, importId, active: false })
        .update({ data: { active: true, updatedAt: ctx.now } });
      const done: PlaceImportRecord = { ...started, status: 'done', doneAt: ctx.now };
      await ctx.db
        .collection('placeImports')
        .doc(importId)
        .update({ data: { status: 'done', doneAt: ctx.now } });
      await ctx.db.collection('audit').add({
        data: { ...auditRecord(ctx, 'importPlaces', { collection: 'placeImports', docId: importId, before: started, after: done }) },
      });
      return { importId, imported: records.length, alreadyImported: false };
    }),
});
