// The supervision of seed 001 §六(三) as it reaches the phone: "领导小组将联合镇纪委通过抽查农户、村部查阅安全隐患登记表等方式…进行督查"
// — the village's hazard register and the spot-check of households (import type only).
import type { Page, PageRequest } from './org';
import type { ProofKind } from './visit';

/** 走访人类别: "镇政府干部职工和驻村工作队…党员干部" (seed 001 §三、§五) */
export type VisitorType = 'townCadre' | 'villageCadre' | 'partyMember' | 'workTeam';

/** A visitor's unit and type, kept on the person's record for the discipline office. */
export interface VisitorProfile {
  unit: string;
  type: VisitorType;
}

/** The visitor of a case as the discipline office (and the township office) sees it: who to call about the interview. */
export interface CaseVisitorContact {
  name: string;
  phone: string | null;
  unit: string;
  type: VisitorType | null;
  typeLabel: string;
}

export interface SetVisitorProfileRequest {
  personId: string;
  unit: string;
  type: VisitorType;
}

export interface VillageOption {
  villageId: string;
  name: string;
}

/** One line of the village's 安全隐患登记表. */
export interface HazardRegisterRow {
  hazardId: string;
  householdId: string | null;
  /** the household's address, or the public place reported */
  place: string;
  headName: string;
  category: string;
  description: string;
  sourceLabel: string;
  /** CST day the hazard was found */
  foundDay: string;
  /** CST day of the rectification deadline */
  deadlineDay: string;
  stateLabel: string;
  overdue: boolean;
  /** CST day it was verified rectified, '' while not */
  verifiedDay: string;
  verifiedBy: string;
}

export interface HazardRegisterRequest extends PageRequest {
  /** absent: the first village of the township */
  villageId?: string;
}

export type HazardRegisterPage = Page<HazardRegisterRow> & {
  villageId: string;
  villageName: string;
  villages: VillageOption[];
  /** counts of the whole village, not only this page */
  counts: { found: number; open: number; overdue: number; rectified: number };
};

/** What the villager told the checker about visits in the period. */
export type VillagerSays = 'visited' | 'notVisited' | 'unsure';

export interface SpotCheckResult {
  says: VillagerSays;
  /** who came, in the villager's words */
  visitorSaid: string;
  /** when, in the villager's words (a CST day or '') */
  visitDay: string;
  /** hazards the checker saw at the house ('' = none) */
  hazardsSeen: string;
  note: string;
  checkedByName: string;
  checkedAt: string;
}

export type MismatchKind = 'deniedButRecorded' | 'recordedNoProof' | 'visitedNotRecorded' | 'hazardNotRegistered';

export interface SpotCheckMismatch {
  kind: MismatchKind;
  label: string;
  detail: string;
}

export interface SpotCheckHousehold {
  householdId: string;
  address: string;
  headName: string;
  /** the visitor(s) assigned in the period */
  visitorNames: string[];
  /** visits recorded for the household in the period */
  visits: { visitId: string; at: string; visitorName: string; proofs: ProofKind[] }[];
  check: SpotCheckResult | null;
  mismatches: SpotCheckMismatch[];
}

export interface SpotCheckView {
  spotCheckId: string;
  scopeLabel: string;
  fromDay: string;
  toDay: string;
  size: number;
  drawnAt: string;
  drawnByName: string;
  households: SpotCheckHousehold[];
  checked: number;
  mismatchCount: number;
}

export interface SpotCheckSummary {
  spotCheckId: string;
  scopeLabel: string;
  fromDay: string;
  toDay: string;
  size: number;
  checked: number;
  mismatchCount: number;
  drawnAt: string;
}

export interface DrawSpotCheckRequest {
  /** a village (its active households) or a visitor (the households held in the period) */
  villageId?: string;
  visitorPersonId?: string;
  size: number;
  fromDay: string;
  toDay: string;
}

export interface SpotCheckIdRequest {
  spotCheckId: string;
}

export interface RecordSpotCheckRequest {
  spotCheckId: string;
  householdId: string;
  says: VillagerSays;
  visitorSaid?: string;
  visitDay?: string;
  hazardsSeen?: string;
  note?: string;
}

/** The spot-check page's one load: earlier samples, villages and visitors to draw from. */
export interface SpotCheckHome {
  samples: Page<SpotCheckSummary>;
  villages: VillageOption[];
  visitors: { personId: string; name: string }[];
  /** the default comparison period: the current CST month up to today */
  fromDay: string;
  toDay: string;
}

export type ListSpotChecksRequest = PageRequest;
