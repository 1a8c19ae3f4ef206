// The ladder's records and messages, built as pure functions from the facts the job or an action has read: what a
// reminder, a notice draft, a case, a referral and each inbox message say, in one place.
import { formatCst } from '../time/cst';
import { periodEndInstant, type Period } from '../quota/campaign';
import type { InboxRecord } from '../inbox/records';
import type { HouseholdStanding } from './standing';
import {
  caseId,
  noticeId,
  reminderId,
  type CaseRecord,
  type HouseholdShort,
  type NoticeLine,
  type NoticeRecord,
  type ReminderRecord,
} from './records';
import type { WorkingDeadline } from './ladder';

export type InboxEntry = Omit<InboxRecord, 'readAt'>;

export interface CampaignRef {
  _id: string;
  townshipId: string;
}

/** An instant shown as the last minute before it (a deadline at 00:00 reads as 23:59 of the day before). */
export const lastMinute = (at: Date): string => formatCst(new Date(at.getTime() - 60_000));

export function householdShort(s: HouseholdStanding, address: string): HouseholdShort {
  return {
    householdId: s.householdId,
    address,
    counted: s.periodCounted + s.remedyCounted,
    needed: s.needed,
    missing: s.missing,
    visits: s.counted.map((v) => ({
      visitId: v.id,
      at: v.at,
      proofs: v.proofs as HouseholdShort['visits'][number]['proofs'],
      offline: v.offline,
    })),
  };
}

const missingText = (households: Pick<HouseholdShort, 'address' | 'missing'>[]) =>
  households.map((h) => `${h.address}（差${h.missing}次）`).join('、');

export function reminder(
  campaign: CampaignRef,
  period: Period,
  visitorPersonId: string,
  offsetDays: number,
  households: HouseholdShort[],
  now: Date,
): { record: ReminderRecord; message: InboxEntry } {
  const id = reminderId(campaign._id, period.key, visitorPersonId, offsetDays);
  const end = lastMinute(periodEndInstant(period));
  return {
    record: {
      _id: id,
      townshipId: campaign.townshipId,
      campaignId: campaign._id,
      periodKey: period.key,
      visitorPersonId,
      offsetDays,
      households: households.map((h) => ({ householdId: h.householdId, address: h.address, missing: h.missing })),
      sentAt: now,
      subscribeSent: false,
    },
    message: {
      _id: `inbox:${id}`,
      townshipId: campaign.townshipId,
      personId: visitorPersonId,
      kind: 'reminder',
      title: `${period.label}走访提醒：还剩${offsetDays}天，${households.length}户未完成`,
      body: `${period.label}还剩${offsetDays}天（${end}结束），以下农户走访次数不足：${missingText(households)}。`,
      link: 'packages/visitor/households/index',
      createdAt: now,
    },
  };
}

export function noticeLine(visitorPersonId: string, visitorName: string, households: HouseholdShort[]): NoticeLine {
  return {
    visitorPersonId,
    visitorName,
    shortHouseholds: households.length,
    missingVisits: households.reduce((n, h) => n + h.missing, 0),
    households,
  };
}

export function noticeDraft(campaign: CampaignRef, period: Period, lines: NoticeLine[], now: Date, due: WorkingDeadline): NoticeRecord {
  return {
    _id: noticeId(campaign._id, period.key),
    townshipId: campaign.townshipId,
    campaignId: campaign._id,
    periodKey: period.key,
    periodLabel: period.label,
    title: `关于${period.label}“邻里守望、户户监督、网格防范”敲门行动落实不力情况的通报`,
    status: 'draft',
    draftedAt: now,
    publishDueAt: due.at,
    publishDueWorkingDays: due.workingDays,
    publishedAt: null,
    publishedBy: null,
    remedyDeadline: null,
    lines,
    excluded: [],
    corrections: [],
    updatedAt: now,
  };
}

export function draftCase(campaign: CampaignRef, period: Period, line: NoticeLine, now: Date): CaseRecord {
  return {
    _id: caseId('notice', campaign._id, period.key, line.visitorPersonId),
    townshipId: campaign.townshipId,
    level: 'notice',
    campaignId: campaign._id,
    periodKey: period.key,
    periodLabel: period.label,
    visitorPersonId: line.visitorPersonId,
    visitorName: line.visitorName,
    shortHouseholds: line.households,
    remedyDeadline: null,
    startedAt: null,
    status: 'draft',
    noticeId: noticeId(campaign._id, period.key),
    evidence: null,
    interview: null,
    objection: null,
    history: [{ at: now, status: 'draft', by: 'system', note: '周期统计结束走访次数不足，列入通报草稿，待镇办公室审核' }],
    createdAt: now,
    updatedAt: now,
  };
}

export function interviewCase(
  notice: CaseRecord,
  stillShort: HouseholdShort[],
  evidence: NonNullable<CaseRecord['evidence']>,
  now: Date,
): CaseRecord {
  return {
    ...notice,
    _id: caseId('interview', notice.campaignId, notice.periodKey, notice.visitorPersonId),
    level: 'interview',
    shortHouseholds: stillShort,
    startedAt: now,
    status: 'open',
    evidence,
    interview: null,
    objection: null,
    history: [{ at: now, status: 'open', by: 'system', note: '规定时间内仍未完成入户走访，移交镇纪委约谈' }],
    createdAt: now,
    updatedAt: now,
  };
}

export const messages = {
  draftReady(n: NoticeRecord, officePersonId: string): InboxEntry {
    return {
      _id: `inbox:draft:${n._id}:${officePersonId}`,
      townshipId: n.townshipId,
      personId: officePersonId,
      kind: 'notice',
      title: `${n.periodLabel}通报草稿待审核（${n.lines.length}人）`,
      body: `${n.periodLabel}走访统计已结束，通报草稿列出${n.lines.length}名走访人。请审核、豁免有正当理由的走访人后发布；应于${lastMinute(n.publishDueAt)}前发布。`,
      link: 'packages/office/notices/index',
      createdAt: n.draftedAt,
    };
  },
  draftOverdue(n: NoticeRecord, officePersonId: string, day: string, now: Date): InboxEntry {
    return {
      _id: `inbox:draftOverdue:${n._id}:${day}:${officePersonId}`,
      townshipId: n.townshipId,
      personId: officePersonId,
      kind: 'notice',
      title: `${n.periodLabel}通报草稿已逾期未发布`,
      body: `${n.periodLabel}通报草稿应于${lastMinute(n.publishDueAt)}前发布，至今未发布；镇纪委可见此逾期情况。`,
      link: 'packages/office/notices/index',
      createdAt: now,
    };
  },
  published(c: CaseRecord, deadline: Date, objectionDeadline: Date, now: Date): InboxEntry {
    return {
      _id: `inbox:${c._id}`,
      townshipId: c.townshipId,
      personId: c.visitorPersonId,
      kind: 'case',
      title: `您被列入${c.periodLabel}敲门行动通报批评`,
      body: `${missingText(c.shortHouseholds)}。请在${lastMinute(deadline)}前补齐走访，逾期将由镇纪委约谈。如有异议，可在${lastMinute(objectionDeadline)}前提出申辩。`,
      link: 'packages/visitor/cases/index',
      createdAt: now,
    };
  },
  remedied(c: CaseRecord, now: Date): InboxEntry {
    return {
      _id: `inbox:${c._id}:remedied`,
      townshipId: c.townshipId,
      personId: c.visitorPersonId,
      kind: 'case',
      title: `${c.periodLabel}走访已补齐，不移交约谈`,
      body: `您在规定时间内补齐了${c.periodLabel}的入户走访，不再移交镇纪委约谈。`,
      link: 'packages/visitor/cases/index',
      createdAt: now,
    };
  },
  referred(c: CaseRecord, personId: string, now: Date): InboxEntry {
    const toVisitor = personId === c.visitorPersonId;
    return {
      _id: `inbox:${c._id}:${personId}`,
      townshipId: c.townshipId,
      personId,
      kind: 'case',
      title: toVisitor ? `${c.periodLabel}敲门行动：镇纪委将对您进行约谈` : `约谈案件：${c.visitorName}（${c.periodLabel}）`,
      body: `规定时间内仍未完成入户走访：${missingText(c.shortHouseholds)}。${toVisitor ? '如有异议，可在3个工作日内提出申辩。' : ''}`,
      link: toVisitor ? 'packages/visitor/cases/index' : 'packages/discipline/case/index?id=' + encodeURIComponent(c._id),
      createdAt: now,
    };
  },
  exempted(c: CaseRecord, reason: string, now: Date): InboxEntry {
    return {
      _id: `inbox:${c._id}:exempted`,
      townshipId: c.townshipId,
      personId: c.visitorPersonId,
      kind: 'case',
      title: `${c.periodLabel}敲门行动：您已被豁免`,
      body: `镇办公室已豁免您${c.periodLabel}的走访要求，理由：${reason}。${c.status === 'open' ? '通报已附更正。' : ''}`,
      link: 'packages/visitor/cases/index',
      createdAt: now,
    };
  },
  objectionFiled(c: CaseRecord, rulerPersonId: string, now: Date): InboxEntry {
    return {
      _id: `inbox:objection:${c._id}:${rulerPersonId}`,
      townshipId: c.townshipId,
      personId: rulerPersonId,
      kind: 'case',
      title: `申辩待裁定：${c.visitorName}（${c.periodLabel}${c.level === 'notice' ? '通报批评' : '约谈'}）`,
      body: c.objection?.text.slice(0, 100) ?? '',
      link: c.level === 'notice' ? 'packages/office/objections/index' : 'packages/discipline/case/index?id=' + encodeURIComponent(c._id),
      createdAt: now,
    };
  },
  objectionRuled(c: CaseRecord, upheld: boolean, reason: string, now: Date): InboxEntry {
    const what = c.level === 'notice' ? '通报批评' : '约谈';
    return {
      _id: `inbox:objection:${c._id}:ruled`,
      townshipId: c.townshipId,
      personId: c.visitorPersonId,
      kind: 'case',
      title: upheld ? `申辩成立：已撤销${c.periodLabel}${what}` : `申辩未被采纳（${c.periodLabel}${what}）`,
      body: upheld ? `您的申辩成立，${c.periodLabel}${what}已撤销。理由：${reason}` : `您的申辩未被采纳。理由：${reason}`,
      link: 'packages/visitor/cases/index',
      createdAt: now,
    };
  },
};
