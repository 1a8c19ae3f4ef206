// The township's hazard numbers per village: found, rectified (verified), still open, overdue (SPEC §6, §8).
import type { HazardNumbersView } from '../../../typings/visit';
import type { HazardRecord } from './records';
import { hazardState } from './hazardState';

export type HazardNumbers = HazardNumbersView;

export function hazardNumbers(hazards: Pick<HazardRecord, 'villageId' | 'status' | 'deadline'>[], now: Date): HazardNumbers[] {
  const by = new Map<string, HazardNumbers>();
  for (const h of hazards) {
    const n = by.get(h.villageId) ?? { villageId: h.villageId, found: 0, rectified: 0, open: 0, overdue: 0 };
    const s = hazardState(h, now);
    n.found++;
    if (!s.unverified) n.rectified++;
    else n.open++;
    if (s.overdue) n.overdue++;
    by.set(h.villageId, n);
  }
  return [...by.values()].sort((a, b) => a.villageId.localeCompare(b.villageId));
}
