// Stored shapes of the places aggregate (SPEC §7b): places, inspection plans, inspections, place hazards, referrals and
// .xlsx imports. Dates are real Dates in the database.
import type { GeoPoint } from '../../../typings/org';
import type {
  Authority,
  Department,
  InspectorRole,
  PlaceType,
  PlanFrequency,
  PlanSelector,
  ReferralStatus,
  RiskGrade,
} from '../../../typings/place';
import type { ChecklistAnswer, HazardStatus } from '../../../typings/visit';

export interface PlaceRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  type: PlaceType;
  name: string;
  address: string;
  responsibleName: string;
  responsiblePhone: string | null;
  authority: Authority;
  /** as entered; a place with more than 10 occupants is stored as high (effectiveRisk) */
  riskGrade: RiskGrade;
  occupantsOver10: boolean;
  listed: boolean;
  listName: string;
  location: GeoPoint | null;
  /** false while its import is being written (then `importId` names it), or once the place is closed */
  active: boolean;
  importId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlanRecord {
  _id: string;
  townshipId: string;
  name: string;
  inspectorRole: InspectorRole;
  /** liaison: village id; deptInspector: department; police and office: the township id */
  inspectorScope: string;
  selector: PlanSelector;
  frequency: PlanFrequency;
  dueBy: string | null;
  startDay: string;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface InspectionAnswer {
  key: string;
  answer: ChecklistAnswer;
  note?: string;
  photos?: string[];
}

export interface InspectionRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  placeId: string;
  planId: string;
  inspectorPersonId: string;
  inspectorName: string;
  /** the inspector keys (coverage.planKey) the inspector held: the inspection counts for every plan they inspect under */
  asInspector: string[];
  /** server time, or the device time of an offline inspection inside the 48 h window */
  at: Date;
  receivedAt: Date;
  offline: boolean;
  day: string;
  templateId: string;
  answers: InspectionAnswer[];
  hazardIds: string[];
  /** hazards checked again on this inspection (SPEC §6: verified on a re-inspection) */
  checks: { hazardId: string; rectified: boolean; newDeadline: string | null }[];
  photos: string[];
  location: GeoPoint | null;
  note: string;
  createdAt: Date;
}

export interface PlaceHazardRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  placeId: string;
  inspectionId: string;
  itemKey: string;
  category: string;
  description: string;
  photos: string[];
  foundBy: string;
  reportedAt: Date;
  /** rectification deadline (end of this CST day) */
  deadline: Date;
  status: HazardStatus;
  claimedAt: Date | null;
  claimedBy: string | null;
  claimPhotos: string[];
  claimNote: string;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verifyInspectionId: string | null;
  referralId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A hazard just found at an inspection: open, nothing claimed, verified or referred yet. The one way one is made.
 * `reportedAt` is when the inspection happened (an offline one's device time); `createdAt` when it was written. */
export function newPlaceHazard(
  found: Pick<
    PlaceHazardRecord,
    | '_id'
    | 'townshipId'
    | 'villageId'
    | 'placeId'
    | 'inspectionId'
    | 'itemKey'
    | 'category'
    | 'description'
    | 'photos'
    | 'foundBy'
    | 'deadline'
  >,
  reportedAt: Date,
  createdAt: Date = reportedAt,
): PlaceHazardRecord {
  return {
    ...found,
    reportedAt,
    status: 'open',
    claimedAt: null,
    claimedBy: null,
    claimPhotos: [],
    claimNote: '',
    verifiedAt: null,
    verifiedBy: null,
    verifyInspectionId: null,
    referralId: null,
    createdAt,
    updatedAt: createdAt,
  };
}

export interface ReferralRecord {
  _id: string;
  townshipId: string;
  hazardId: string;
  placeId: string;
  villageId: string;
  department: Department;
  /** the department reports back by the end of this CST day */
  deadline: Date;
  note: string;
  status: ReferralStatus;
  createdBy: string;
  createdAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  answer: string | null;
  answerPhotos: string[];
  updatedAt: Date;
}

/** One .xlsx import: its id follows from the township and the file's bytes, so the same file is imported once. */
export interface PlaceImportRecord {
  _id: string;
  townshipId: string;
  fileId: string;
  rows: number;
  placeIds: string[];
  status: 'writing' | 'done';
  byPersonId: string;
  createdAt: Date;
  doneAt: Date | null;
}
