// An export (.xlsx, or .pdf for print sheets) lands in cloud storage under exports/…, is opened by a temporary link, and leaves an `exports` record
// (who, when, which table, which period) with its audit line.
import { getCloud } from './cloud';
import type { ActionContext } from './dispatch';
import { actorOf } from './orgRepo';
import { inTransaction } from './store';
import { writeAudit } from './audit';
import { newDocId } from './visitRepo';
import { cstDay } from '../domain/time/cst';
import type { ExportDone, ExportFormat, ExportKind } from '../../typings/report';

export interface ExportRecord {
  _id: string;
  townshipId: string;
  kind: ExportKind;
  period: string;
  fileId: string;
  fileName: string;
  rows: number;
  bytes: number;
  byPersonId: string;
  byName: string;
  createdAt: Date;
}

/** the temporary link lives this long; the file stays and a new link can be had by exporting again */
const LINK_SECONDS = 2 * 3600;

export async function publishExport(
  ctx: ActionContext,
  kind: ExportKind,
  period: string,
  title: string,
  file: Buffer,
  rows: number,
  format: ExportFormat = 'xlsx',
): Promise<ExportDone> {
  const actor = actorOf(ctx);
  const cloud = getCloud();
  const exportId = newDocId();
  const fileName = `${title}${period ? `-${period.replace(/[:/]/g, '-')}` : ''}.${format}`;
  const cloudPath = `exports/${actor.townshipId}/${cstDay(ctx.now)}/${exportId}.${format}`;
  const upload = await cloud.uploadFile({ cloudPath, fileContent: file });
  const links = (await cloud.getTempFileURL({ fileList: [{ fileID: upload.fileID, maxAge: LINK_SECONDS }] })) as {
    fileList: { fileID: string; tempFileURL: string; status?: number }[];
  };
  const url = links.fileList[0]?.tempFileURL ?? '';
  const record: ExportRecord = {
    _id: exportId,
    townshipId: actor.townshipId,
    kind,
    period,
    fileId: upload.fileID,
    fileName,
    rows,
    bytes: file.length,
    byPersonId: actor.personId,
    byName: actor.name,
    createdAt: ctx.now,
  };
  await inTransaction(ctx.db, async (tx) => {
    const { _id, ...data } = record;
    await tx.collection('exports').doc(_id).set({ data });
    await writeAudit(tx, ctx, 'export', { collection: 'exports', docId: _id, before: null, after: record });
  });
  return { exportId, kind, period, fileId: upload.fileID, url, fileName, rows };
}
