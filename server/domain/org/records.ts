// Stored shapes of the organisation collections, as the functions read and write them (dates are real Dates in the database).
import type { RoleGrant, Role, ScopeType } from '../../../typings/roles';
import type { GeoPoint, HouseholdMember, InviteStatus, VulnerabilityFlags } from '../../../typings/org';
import type { VisitorProfile } from '../../../typings/supervision';

export interface TownshipRecord {
  _id: string;
  name: string;
  createdAt: Date;
}

export interface VillageRecord {
  _id: string;
  townshipId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface GridRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  name: string;
  /** active households, kept in step inside the same transaction as every household change so the cap holds under concurrency */
  householdCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface HouseholdRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  address: string;
  headName: string;
  members: HouseholdMember[];
  location: GeoPoint | null;
  vulnerability: VulnerabilityFlags;
  active: boolean;
  movedOutAt: Date | null;
  note: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface PersonRecord {
  _id: string;
  townshipId: string;
  name: string;
  phone: string | null;
  /** null until the person accepts an invitation (or is bootstrapped) */
  openid: string | null;
  active: boolean;
  grants: RoleGrant[];
  /** visitors: unit and type (镇干部/村干部/党员/驻村工作队), shown to the offices on the visitor's cases */
  visitorProfile?: VisitorProfile;
  createdAt: Date;
  updatedAt: Date;
}

export interface InviteRecord {
  /** the invite code itself, so acceptance reads and marks it by id inside a transaction */
  _id: string;
  /** the same as _id, kept as a field for the unique index the deploy script creates */
  code: string;
  townshipId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  personId: string | null;
  name: string | null;
  phone: string | null;
  status: InviteStatus;
  expiresAt: Date;
  qrFileId: string | null;
  createdBy: string;
  createdAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

export interface AssignmentRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  householdId: string;
  visitorPersonId: string;
  /** validity is [validFrom, validTo); validTo null = still valid */
  validFrom: Date;
  validTo: Date | null;
  reason: string;
  endReason: string | null;
  createdBy: string;
  createdAt: Date;
}
