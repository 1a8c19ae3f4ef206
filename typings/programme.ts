// Request/response types of the `programme` function: the elderly-living-alone registry (seed 000) and the
// old-compound ledger with its task list (seed 002). Shared by client and server (import type only).

/** "村（社区）干部/网格员/志愿者/其他" */
export type HelperType = 'cadre' | 'gridWorker' | 'volunteer' | 'other';

export interface ElderlyHelper {
  name: string;
  type: HelperType;
  phone: string;
  /** the helper's own account, when they have one (then they read their entries and get the 7-day reminder) */
  personId: string | null;
}

/** 物联感知体系建设情况 */
export interface ElderlyDevices {
  smokeDetector: boolean;
  alarmOrVideo: boolean;
  leakageProtection: boolean;
  gasShutoff: boolean;
  other: string;
}

export interface ElderlyEntryView {
  id: string;
  villageId: string;
  villageName: string;
  householdId: string | null;
  name: string;
  gender: 'male' | 'female';
  age: number;
  phone: string | null;
  smoking: boolean;
  drinking: boolean;
  address: string;
  buildingType: string;
  floors: number;
  yearBuilt: string;
  helper: ElderlyHelper;
  devices: ElderlyDevices;
  /** from the linked household's hazards and visits; the entry's own counts when no household is linked */
  hazardsFound: number;
  hazardsRectified: number;
  timesEducated: number;
  lastHelperContactAt: string;
  /** days since the helper's last contact, CST calendar days */
  daysSinceContact: number;
  active: boolean;
  /** why and when the entry left the registry (kept, never deleted; no more helper reminders) */
  inactiveReason: string | null;
  inactiveSince: string | null;
}

export interface ElderlyPage {
  items: ElderlyEntryView[];
  total: number;
  /** the caller keeps the registry (office, or a liaison for its village): the page offers edit and 销册 */
  canEdit: boolean;
}

export interface HelperContactRecorded {
  elderlyId: string;
  /** when the contact happened (the phone's time for one recorded without network) */
  at: string;
  offline: boolean;
  /** the helper's 7-day reminders marked done by this contact (none while another of their elderly people is still due) */
  remindersCleared: number;
}

export type HelperContactMethod = 'visit' | 'phone' | 'wechat';

/** One elderly person on their helper's page: due for a contact or not, and how to reach them. */
export interface HelperElderlyRow {
  id: string;
  name: string;
  gender: 'male' | 'female';
  age: number;
  address: string;
  villageName: string;
  /** the full number: the assigned helper calls them */
  phone: string | null;
  daysSinceContact: number;
  /** 7 days or more without a recorded contact: the daily reminder names them */
  due: boolean;
  lastContact: { method: HelperContactMethod; note: string; at: string } | null;
  helperContacts: number;
}

export interface HelperElderlyPage {
  items: HelperElderlyRow[];
  total: number;
  /** of all my elderly people, how many are due now */
  due: number;
}

export interface HelperReminderSummary {
  day: string;
  helpersReminded: number;
  entriesOverdue: number;
  /** overdue entries whose helper has no account to remind */
  withoutAccount: number;
}

export type CompoundStatus = 'open' | 'rectified';

/** One row of 002's 附件1 台账. */
export interface CompoundView {
  id: string;
  villageId: string;
  /** 镇街/社区 */
  streetCommunity: string;
  name: string;
  address: string;
  managerName: string;
  managerPhone: string;
  /** 建筑高度（层数） */
  floors: number;
  heightMeters: number | null;
  hazards: string;
  /** 整改时限, CST day */
  deadline: string;
  status: CompoundStatus;
  overdue: boolean;
}

export type CompoundTaskStatus = 'pending' | 'inProgress' | 'done';

/** One line of 002's 附件2 任务清单. */
export interface CompoundTaskView {
  id: string;
  order: number;
  phase: string;
  content: string;
  units: string;
  deadline: string;
  /** the seed's own wording, e.g. 4月10日前 */
  deadlineLabel: string;
  status: CompoundTaskStatus;
  note: string;
  overdue: boolean;
}

// ---- requests (the entry's own fields, as the registry form sends them) ----

type ElderlyOwnFields = Pick<
  ElderlyEntryView,
  'villageId' | 'name' | 'gender' | 'age' | 'smoking' | 'drinking' | 'address' | 'buildingType' | 'floors' | 'yearBuilt'
>;
/** counts kept on the entry itself when no household is linked */
export type ElderlyManualCounts = Pick<ElderlyEntryView, 'hazardsFound' | 'hazardsRectified' | 'timesEducated'>;

export interface AddElderlyRequest extends ElderlyOwnFields {
  helper: Omit<ElderlyHelper, 'personId'> & { personId?: string | null };
  devices: Omit<ElderlyDevices, 'other'> & { other?: string };
  householdId?: string | null;
  phone?: string | null;
  manualCounts?: ElderlyManualCounts;
}

export type UpdateElderlyRequest = Partial<Omit<AddElderlyRequest, 'villageId'>> & { elderlyId: string };

/** 销册 (moved away, living with family again, died) or back on the registry, always with the reason */
export interface SetElderlyActiveRequest {
  elderlyId: string;
  active: boolean;
  reason: string;
}

export interface ListElderlyRequest {
  page?: number;
  pageSize?: number;
  villageId?: string;
  includeInactive?: boolean;
}

export interface RecordHelperContactRequest {
  elderlyId: string;
  method: HelperContactMethod;
  note?: string;
  /** a contact recorded without network: the phone's time, with its offset */
  deviceTime?: string;
}

export interface HelperElderlyRequest {
  page?: number;
  pageSize?: number;
}

export type AddCompoundRequest = Pick<
  CompoundView,
  'villageId' | 'streetCommunity' | 'name' | 'address' | 'managerName' | 'managerPhone' | 'floors' | 'hazards' | 'deadline'
> & {
  heightMeters?: number | null;
};

export type UpdateCompoundRequest = Partial<Omit<AddCompoundRequest, 'villageId'>> & { compoundId: string; status?: CompoundStatus };

export interface ListCompoundsRequest {
  villageId?: string;
  overdueOnly?: boolean;
}

export interface CompoundList {
  items: CompoundView[];
  overdue: number;
  /** the caller keeps the ledger and the task list (the township office): the page offers add and edit */
  canEdit: boolean;
}

export interface CompoundTaskList {
  year: number;
  items: CompoundTaskView[];
  overdue: number;
  canEdit: boolean;
}

export interface SetTaskStatusRequest {
  taskId: string;
  status: CompoundTaskStatus;
  note?: string;
}

/** A task of the year's list beyond 002 附件2's seven (a township's own), added at the end. */
export interface AddCompoundTaskRequest {
  year: number;
  phase: string;
  content: string;
  units: string;
  /** the last CST day */
  deadline: string;
  /** the wording shown, e.g. 6月30日前; default the deadline */
  deadlineLabel?: string;
}

export type UpdateCompoundTaskRequest = Partial<Omit<AddCompoundTaskRequest, 'year'>> & { taskId: string };
