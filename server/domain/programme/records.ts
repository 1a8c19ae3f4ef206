// Stored shapes of the programme collections: `elderly` (seed 000), `compounds` and `compoundTasks` (seed 002).
import type { CompoundStatus, CompoundTaskStatus, ElderlyDevices, ElderlyHelper, HelperContactMethod } from '../../../typings/programme';

export interface ElderlyRecord {
  _id: string;
  townshipId: string;
  villageId: string;
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
  /** used only when no household is linked (then visits cannot tell) */
  manualCounts: { hazardsFound: number; hazardsRectified: number; timesEducated: number };
  /** starts at registration, so a helper who never called is reminded 7 days later */
  lastHelperContactAt: Date;
  /** how the latest contact was made (absent on entries registered before contacts were kept) */
  lastHelperContact?: { method: HelperContactMethod; note: string; at: Date; offline: boolean } | null;
  helperContacts: number;
  active: boolean;
  /** set when taken off the registry (销册): the entry is kept, reminders stop */
  inactiveReason?: string | null;
  inactiveSince?: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompoundRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  streetCommunity: string;
  name: string;
  address: string;
  managerName: string;
  managerPhone: string;
  floors: number;
  heightMeters: number | null;
  hazards: string;
  /** 整改时限: the last CST day for rectification */
  deadline: string;
  status: CompoundStatus;
  rectifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompoundTaskRecord {
  _id: string;
  townshipId: string;
  year: number;
  order: number;
  phase: string;
  content: string;
  units: string;
  deadline: string;
  deadlineLabel: string;
  status: CompoundTaskStatus;
  note: string;
  doneAt: Date | null;
  updatedAt: Date;
}
