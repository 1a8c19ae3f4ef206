// Records shaped into what the pages render: ISO instants, CST days, readable states.
import type { CampaignView, ChecklistTemplateView, HazardView, InboxItemView, VisitView } from '../../../typings/visit';
import { periodAt } from '../quota/campaign';
import type { CampaignRecord } from '../quota/records';
import type { ChecklistTemplateRecord, HazardRecord, VisitRecord } from './records';
import type { InboxRecord } from '../inbox/records';
import { asCampaign, PERIOD_STATE_LABELS, periodState } from './campaignEdit';
import { campaignCalendar, keyDateOn, phaseOn } from './campaignCalendar';
import { cstDay } from '../time/cst';
import { deadlineDayOf, hazardState } from './hazardState';

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function campaignView(r: CampaignRecord, now: Date): CampaignView {
  const { phases, keyDates } = campaignCalendar(r);
  const today = cstDay(now);
  const phase = phaseOn(phases, today);
  const keyDate = keyDateOn(keyDates, today);
  return {
    id: r._id,
    name: r.name,
    active: r.active,
    rules: { ...r.rules },
    periods: r.periods.map((p) => {
      const state = periodState(r, p, now);
      return { ...p, state, stateLabel: PERIOD_STATE_LABELS[state] };
    }),
    phases: phases.map((p) => ({ ...p })),
    keyDates: keyDates.map((k) => ({ ...k })),
    currentPeriodKey: periodAt(asCampaign(r), now)?.key ?? null,
    currentPhase: phase ? { ...phase } : null,
    currentKeyDate: keyDate ? { ...keyDate } : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function templateView(t: ChecklistTemplateRecord): ChecklistTemplateView {
  return { id: t._id, name: t.name, items: t.items.map((i) => ({ ...i })) };
}

export function visitView(v: VisitRecord, names: { address: string; visitorName: string }): VisitView {
  return {
    id: v._id,
    householdId: v.householdId,
    address: names.address,
    visitorPersonId: v.visitorPersonId,
    visitorName: names.visitorName,
    at: iso(v.at),
    receivedAt: iso(v.receivedAt),
    offline: v.offline,
    day: v.day,
    campaignId: v.campaignId,
    periodKey: v.periodKey,
    assigned: v.assigned,
    templateId: v.templateId,
    answers: v.answers.map((a) => ({ ...a })),
    hazardIds: [...v.hazardIds],
    education: { ...v.education },
    photos: [...v.photos],
    location: v.location,
    proofs: [...v.proofs],
    flaggedNoProof: v.flaggedNoProof,
  };
}

export function hazardView(h: HazardRecord, address: string, now: Date): HazardView {
  const state = hazardState({ status: h.status, deadline: new Date(h.deadline) }, now);
  return {
    id: h._id,
    householdId: h.householdId,
    address,
    source: h.source,
    category: h.category,
    description: h.description,
    photos: [...h.photos],
    visitorPersonId: h.visitorPersonId,
    visitId: h.visitId,
    reportedAt: iso(h.reportedAt),
    deadline: iso(h.deadline),
    deadlineDay: deadlineDayOf(new Date(h.deadline)),
    status: h.status,
    unverified: state.unverified,
    overdue: state.overdue,
    overdueFrom: iso(state.overdueFrom),
    claimedAt: isoOrNull(h.claimedAt),
    claimPhotos: [...(h.claimPhotos ?? [])],
    verifiedAt: isoOrNull(h.verifiedAt),
    verifyPhotos: [...(h.verifyPhotos ?? [])],
  };
}

export function inboxView(r: InboxRecord): InboxItemView {
  return { id: r._id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: iso(r.createdAt), readAt: isoOrNull(r.readAt) };
}
