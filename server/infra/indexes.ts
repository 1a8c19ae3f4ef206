// Database indexes, as code: the deploy script creates them in a real CloudBase environment.
// (The emulator scans in memory and needs none; these are the queries that grow with a county.)
import type { CollectionName } from './collections';

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export const INDEXES: Partial<Record<CollectionName, IndexSpec[]>> = {
  persons: [{ name: 'openid', keys: { openid: 1 } }],
  households: [
    { name: 'grid', keys: { gridId: 1 } },
    { name: 'village', keys: { villageId: 1 } },
  ],
  grids: [{ name: 'village', keys: { villageId: 1 } }],
  assignments: [
    { name: 'visitor', keys: { visitorPersonId: 1, validFrom: -1 } },
    { name: 'village-open', keys: { villageId: 1, validTo: 1 } },
    { name: 'household', keys: { householdId: 1, validFrom: -1 } },
  ],
  invites: [
    { name: 'code', keys: { code: 1 }, unique: true },
    { name: 'expiry', keys: { status: 1, expiresAt: 1 } },
  ],
  audit: [{ name: 'target', keys: { collection: 1, docId: 1, at: -1 } }],
  weeklyContacts: [
    { name: 'township-week', keys: { townshipId: 1, weekKey: 1 } },
    { name: 'household-week', keys: { householdId: 1, weekKey: 1 } },
  ],
  weeklyReports: [{ name: 'township-week', keys: { townshipId: 1, weekKey: 1 } }],
  visits: [
    { name: 'household-time', keys: { householdId: 1, at: 1 } },
    { name: 'visitor-time', keys: { visitorPersonId: 1, at: -1 } },
    // a period with visits is never removed: the office's removal counts them
    { name: 'campaign-period', keys: { campaignId: 1, periodKey: 1 } },
  ],
  hazards: [
    { name: 'visitor-status', keys: { visitorPersonId: 1, status: 1, deadline: 1 } },
    { name: 'liaison-status', keys: { liaisonPersonId: 1, status: 1 } },
    { name: 'reporter', keys: { reporterPersonId: 1, reportedAt: -1 } },
    { name: 'receipt', keys: { receiptHash: 1 } },
    // the office's oversight of the township's whistle-blower reports
    { name: 'township-source', keys: { townshipId: 1, source: 1, reportedAt: -1 } },
    // the village's hazard register, oldest first
    { name: 'village-register', keys: { villageId: 1, reportedAt: 1 } },
  ],
  whistleLimits: [{ name: 'day', keys: { day: 1 } }],
  cases: [
    { name: 'period-level', keys: { campaignId: 1, periodKey: 1, level: 1, status: 1 } },
    { name: 'visitor', keys: { visitorPersonId: 1, createdAt: -1 } },
  ],
  notices: [{ name: 'township', keys: { townshipId: 1, publishedAt: -1 } }],
  reminders: [{ name: 'visitor', keys: { campaignId: 1, periodKey: 1, visitorPersonId: 1 } }],
  inbox: [{ name: 'person', keys: { personId: 1, createdAt: -1 } }],
  escalationScans: [{ name: 'stage', keys: { stage: 1, campaignId: 1, periodKey: 1 } }],
  // the visit write's one aggregation joins a household's tallies and its township's campaigns by these
  visitTallies: [{ name: 'household', keys: { householdId: 1 } }],
  campaigns: [{ name: 'township', keys: { townshipId: 1, active: 1 } }],
  spotChecks: [{ name: 'township', keys: { townshipId: 1, drawnAt: -1 } }],
  places: [
    { name: 'township-village', keys: { townshipId: 1, villageId: 1, active: 1 } },
    { name: 'import', keys: { importId: 1 } },
  ],
  inspectionPlans: [{ name: 'township', keys: { townshipId: 1, active: 1 } }],
  inspections: [
    { name: 'township-day', keys: { townshipId: 1, day: 1 } },
    { name: 'place-time', keys: { placeId: 1, at: -1 } },
  ],
  placeHazards: [
    { name: 'township-status', keys: { townshipId: 1, status: 1, deadline: 1 } },
    { name: 'place', keys: { placeId: 1, status: 1 } },
  ],
  referrals: [
    { name: 'township-status', keys: { townshipId: 1, status: 1, deadline: 1 } },
    { name: 'department', keys: { department: 1, status: 1 } },
  ],
};
