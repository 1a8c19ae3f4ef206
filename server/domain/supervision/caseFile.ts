// A discipline case's file for the archive (案卷): one workbook with the case, the notice line that started it, the
// standing of each household, every visit with its proof, the objection and the interview with its signed record.
import type { CaseVisitorContact } from '../../../typings/supervision';
import type { CaseRecord, NoticeRecord } from '../escalation/records';
import { CASE_LEVEL_LABELS, CASE_STATUS_LABELS, OBJECTION_STATUS_LABELS, PROOF_LABELS } from '../escalation/labels';
import { formatCst } from '../time/cst';
import type { TableLayout } from '../report/layout';

type Row = (string | number)[];

export const CASE_SUMMARY_TABLE: TableLayout = {
  sheetName: '案件概况',
  title: '“邻里守望”走访人问责案卷',
  header: [
    { header: '项目', width: 16 },
    { header: '内容', width: 80 },
  ],
};

export const CASE_STANDING_TABLE: TableLayout = {
  sheetName: '走访核算',
  title: '责任农户走访核算（通报及移交时）',
  header: [
    { header: '序号', width: 6 },
    { header: '农户地址', width: 26 },
    { header: '已计走访（次）', width: 12 },
    { header: '应走访（次）', width: 12 },
    { header: '缺少（次）', width: 10 },
  ],
};

export const CASE_VISITS_TABLE: TableLayout = {
  sheetName: '走访记录与凭证',
  title: '周期内走访记录及到场凭证',
  header: [
    { header: '序号', width: 6 },
    { header: '农户地址', width: 26 },
    { header: '走访时间', width: 18 },
    { header: '到场凭证', width: 18 },
    { header: '离线补录', width: 10 },
    { header: '位置', width: 22 },
    { header: '照片（文件编号）', width: 50 },
  ],
};

const when = (d: Date | string | null | undefined) => (d ? formatCst(new Date(d)) : '');

/** The summary sheet as 项目 | 内容 lines. */
export function caseSummaryRows(c: CaseRecord, contact: CaseVisitorContact, notice: NoticeRecord | null): Row[] {
  const rows: Row[] = [
    ['案件编号', c._id],
    ['案件类型', CASE_LEVEL_LABELS[c.level]],
    ['统计周期', c.periodLabel],
    ['案件状态', CASE_STATUS_LABELS[c.status]],
    ['走访人', contact.name],
    ['走访人类别', contact.typeLabel],
    ['工作单位', contact.unit || '未登记'],
    ['联系电话', contact.phone ?? ''],
  ];
  const line = notice?.lines.find((l) => l.visitorPersonId === c.visitorPersonId);
  rows.push([
    '全镇通报',
    notice ? `${notice.title}（${notice.status === 'published' ? `${when(notice.publishedAt)} 发布` : '草稿'}）` : '',
  ]);
  rows.push(['通报内容', line ? `${line.visitorName}：${line.shortHouseholds} 户未完成，缺 ${line.missingVisits} 次走访` : '']);
  for (const k of notice?.corrections.filter((x) => x.visitorPersonId === c.visitorPersonId) ?? [])
    rows.push(['通报更正', `${when(k.at)} ${k.kind === 'withdrawn' ? '撤销' : '豁免'}：${k.reason}`]);
  rows.push(['补齐期限', when(c.remedyDeadline)]);
  for (const r of c.evidence?.reminders ?? []) rows.push(['期末前提醒', `${when(r.sentAt)}（期末前 ${r.offsetDays} 天）`]);
  if (c.objection) {
    const o = c.objection;
    rows.push(['申辩', `${when(o.filedAt)} 提交：${o.text}`]);
    rows.push(['申辩照片', o.photos.join('\n')]);
    rows.push([
      '申辩裁定',
      `${OBJECTION_STATUS_LABELS[o.status]}${o.ruling ? `：${when(o.ruling.at)} ${o.ruling.byName}，${o.ruling.reason}` : ''}`,
    ]);
  }
  if (c.interview) {
    const i = c.interview;
    rows.push(['约谈时间', when(i.scheduledAt)], ['约谈地点', i.place]);
    rows.push(['约谈记录', i.outcome ?? ''], ['约谈结论', i.conclusion ?? ''], ['记录时间', when(i.recordedAt)]);
    rows.push(['约谈附件', (i.attachments ?? []).join('\n')]);
  }
  for (const h of c.history) rows.push(['经过', `${when(h.at)} ${CASE_STATUS_LABELS[h.status]}${h.note ? `：${h.note}` : ''}`]);
  return rows;
}

export function caseStandingRows(c: CaseRecord): Row[] {
  const households = c.evidence?.households.length ? c.evidence.households : c.shortHouseholds;
  return households.map((h, i) => [i + 1, h.address, h.counted, h.needed, h.missing]);
}

export function caseVisitRows(c: CaseRecord): Row[] {
  const address = new Map([...c.shortHouseholds, ...(c.evidence?.households ?? [])].map((h) => [h.householdId, h.address]));
  const visits = c.evidence?.visits.length
    ? c.evidence.visits
    : c.shortHouseholds.flatMap((h) => h.visits.map((v) => ({ ...v, householdId: h.householdId, photos: [] as string[], location: null })));
  return [...visits]
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
    .map((v, i) => [
      i + 1,
      address.get(v.householdId) ?? v.householdId,
      when(v.at),
      v.proofs.length ? v.proofs.map((p) => PROOF_LABELS[p]).join('、') : '无到场凭证',
      v.offline ? '是' : '否',
      v.location ? `${v.location.latitude.toFixed(5)}, ${v.location.longitude.toFixed(5)}` : '',
      v.photos.join('\n'),
    ]);
}
