// Resident reports shaped for the pages. No view carries a person: not the reporter, not even the routed visitor's id.
import type { HazardCategory, ResidentReportView, WhistleStatusView } from '../../../typings/resident';
import type { HazardRecord } from '../visit/records';
import { deadlineDayOf, hazardState } from '../visit/hazardState';
import { cstDay } from '../time/cst';
import { ROUTE_LABELS, STATUS_LABELS, routeOf } from './rules';

const iso = (d: Date | string): string => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function residentReportView(h: HazardRecord, names: { address: string | null; villageName: string }, now: Date): ResidentReportView {
  const route = routeOf(h.visitorPersonId, h.liaisonPersonId ?? null);
  return {
    id: h._id,
    source: h.source === 'whistleblower' ? 'whistleblower' : 'villager',
    category: h.category,
    categoryKey: (h.categoryKey as HazardCategory | undefined) ?? null,
    description: h.description,
    photos: [...h.photos],
    place: names.address ?? h.place ?? '',
    villageName: names.villageName,
    route,
    routeLabel: ROUTE_LABELS[route],
    status: h.status,
    statusLabel: STATUS_LABELS[h.status],
    reportedAt: iso(h.reportedAt),
    deadlineDay: deadlineDayOf(new Date(h.deadline)),
    overdue: hazardState({ status: h.status, deadline: new Date(h.deadline) }, now).overdue,
    claimedAt: isoOrNull(h.claimedAt),
    verifiedAt: isoOrNull(h.verifiedAt),
  };
}

export function whistleStatusView(h: HazardRecord, villageName: string, now: Date): WhistleStatusView {
  return {
    category: h.category,
    villageName,
    status: h.status,
    statusLabel: STATUS_LABELS[h.status],
    reportedDay: cstDay(new Date(h.reportedAt)),
    deadlineDay: deadlineDayOf(new Date(h.deadline)),
    overdue: hazardState({ status: h.status, deadline: new Date(h.deadline) }, now).overdue,
    verifiedDay: h.verifiedAt && h.status === 'verified' ? cstDay(new Date(h.verifiedAt)) : null,
  };
}
