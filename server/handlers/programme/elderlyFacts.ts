// Hazards and visits of the households linked to elderly entries, read in batches: the counts come from visits
// where the household is theirs, so the visit function needs to know nothing about the registry.
import type { Database } from '../../infra/cloud';
import { findAll } from '../../infra/store';
import type { HazardRecord, VisitRecord } from '../../domain/visit/records';
import type { ElderlyRecord } from '../../domain/programme/records';
import { elderlyCounts, type ElderlyCounts } from '../../domain/programme/views';

export async function countsOf(db: Database, entries: readonly ElderlyRecord[], until: Date): Promise<Map<string, ElderlyCounts>> {
  const householdIds = [...new Set(entries.map((e) => e.householdId).filter((h): h is string => Boolean(h)))];
  const hazards: HazardRecord[] = [];
  const visits: VisitRecord[] = [];
  const _ = db.command;
  for (let i = 0; i < householdIds.length; i += 200) {
    const chunk = householdIds.slice(i, i + 200);
    hazards.push(...(await findAll<HazardRecord>(db, 'hazards', { householdId: _.in(chunk) })));
    visits.push(...(await findAll<VisitRecord>(db, 'visits', { householdId: _.in(chunk) })));
  }
  return new Map(entries.map((e) => [e._id, elderlyCounts(e, hazards, visits, until)]));
}
