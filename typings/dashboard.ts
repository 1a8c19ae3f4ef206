// The township dashboard as escalation.dashboard returns it (shared by the server and the office/liaison pages).
import type { HazardNumbersView } from './visit';

export interface VillageRow {
  villageId: string;
  villageName: string;
  households: number;
  grids: number;
  visitors: number;
  /** households held this period whose counted visits meet the quota */
  householdsDone: number;
  householdsHeld: number;
  /** percent, one decimal; null when nothing is held */
  completionPct: number | null;
  /** visitors of the village with an open notice or interview case */
  overdueVisitors: number;
  /** households contacted by their grid leader in the week, over active households; null before any household */
  weeklyContactPct: number | null;
  hazards: Omit<HazardNumbersView, 'villageId'>;
}

/** A visitor's visits this period and how many carry no proof of presence (card QR, GPS, villager confirmation). */
export interface VisitorProofRow {
  visitorPersonId: string;
  visitorName: string;
  visits: number;
  unproven: number;
  /** percent, one decimal */
  unprovenPct: number;
}

export interface Dashboard {
  campaignName: string | null;
  periodLabel: string | null;
  weekKey: string;
  villages: VillageRow[];
  /** the township office and the discipline office only: each visitor's share of unproven visits, most unproven first */
  visitorProof?: VisitorProofRow[];
}
