// The `org` function's contract (accounts and organisation), shared by client and server with `import type` only.
// Times travel as ISO-8601 strings; phone numbers arrive already masked unless the caller's role needs them.
import type { Role, ScopeType } from './roles';

/** The seed's priority groups 弱势群体 (001 §五(二)): 孤寡老人、留守儿童、留守妇女、精神障碍患者、残疾人 */
export interface VulnerabilityFlags {
  elderlyAlone: boolean;
  leftBehindChildren: boolean;
  leftBehindWomen: boolean;
  mentalDisorder: boolean;
  disability: boolean;
}
export type VulnerabilityFlag = keyof VulnerabilityFlags;

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface HouseholdMember {
  name: string;
  relation?: string;
  phone?: string;
  /** 微信号, for the grid leader's weekly WeChat contact ("每周微信电话联络一次"); masked like a phone */
  wechatId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export interface TownshipView {
  id: string;
  name: string;
}

export interface VillageView {
  id: string;
  townshipId: string;
  name: string;
  gridCount: number;
  householdCount: number;
}

export interface GridView {
  id: string;
  townshipId: string;
  villageId: string;
  villageName: string;
  name: string;
  /** active households in the grid */
  householdCount: number;
  leaderPersonId: string | null;
  leaderName: string | null;
}

export interface HouseholdView {
  id: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  address: string;
  headName: string;
  members: HouseholdMember[];
  location: GeoPoint | null;
  vulnerability: VulnerabilityFlags;
  active: boolean;
  movedOutAt: string | null;
  note: string;
}

/** who currently visits a household (the holder of its current assignment) */
export interface HouseholdVisitor {
  personId: string;
  name: string;
}

/** A household as `listHouseholds` lists it: with its current visitor (null = none assigned), read in one batch per page. */
export interface HouseholdListItem extends HouseholdView {
  visitor: HouseholdVisitor | null;
}

export interface RoleView {
  role: Role;
  label: string;
  scopeType: ScopeType;
  scopeId: string;
  /** readable scope, e.g. "三江村 / 第1网格" */
  scopeName: string;
}

export interface PersonView {
  id: string;
  name: string;
  phone: string | null;
  bound: boolean;
  active: boolean;
  roles: RoleView[];
}

export interface InviteView {
  code: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  scopeName: string;
  personId: string | null;
  name: string | null;
  status: InviteStatus;
  expiresAt: string;
  /** storage fileID of the QR PNG, or null when the QR could not be made (the code still works) */
  qrFileId: string | null;
  /** the `scene` encoded in the QR; the join page reads it from `options.scene` */
  scene: string;
  page: string;
}
export type InviteStatus = 'open' | 'used' | 'expired' | 'revoked';

export interface AssignmentView {
  id: string;
  visitorPersonId: string;
  visitorName: string;
  householdId: string;
  householdAddress: string;
  villageId: string;
  gridId: string;
  validFrom: string;
  /** null while still valid; the interval is [validFrom, validTo) */
  validTo: string | null;
  reason: string;
}

// ---- requests ----

export interface CreateVillageRequest {
  name: string;
}
export interface UpdateVillageRequest {
  villageId: string;
  name: string;
}
export interface CreateGridRequest {
  villageId: string;
  name: string;
}
export interface UpdateGridRequest {
  gridId: string;
  name: string;
}
export interface AddHouseholdRequest {
  gridId: string;
  address: string;
  headName: string;
  members?: HouseholdMember[];
  location?: GeoPoint | null;
  vulnerability?: Partial<VulnerabilityFlags>;
  note?: string;
}
export interface UpdateHouseholdRequest {
  householdId: string;
  address?: string;
  headName?: string;
  members?: HouseholdMember[];
  location?: GeoPoint | null;
  vulnerability?: Partial<VulnerabilityFlags>;
  note?: string;
}
export interface MoveHouseholdRequest {
  householdId: string;
  toGridId: string;
}
export interface SetHouseholdActiveRequest {
  householdId: string;
  active: boolean;
  reason?: string;
}
export interface ListGridsRequest {
  villageId?: string;
}
export interface ListHouseholdsRequest extends PageRequest {
  villageId?: string;
  gridId?: string;
  includeInactive?: boolean;
}
export interface GrantRequest {
  role: Role;
  /** household id (villager), grid id (gridLeader), village id (liaison; visitor of that village); omitted for township-wide roles */
  scopeId?: string;
}
export interface AddPersonRequest {
  name: string;
  phone?: string;
  grants: GrantRequest[];
}
export interface GrantRoleRequest extends GrantRequest {
  personId: string;
}
export interface RevokeRoleRequest extends GrantRequest {
  personId: string;
}
export interface ListPersonsRequest extends PageRequest {
  role?: Role;
}
export interface CreateInviteRequest extends GrantRequest {
  /** bind an existing (unbound) person; otherwise a new person is created on acceptance */
  personId?: string;
  /** name of the new person (required without personId) */
  name?: string;
  phone?: string;
  validDays?: number;
}
export interface AcceptInviteRequest {
  /** the invite code, or the QR's scene (`i=CODE`) as the join page received it */
  code: string;
}
export interface RevokeInviteRequest {
  code: string;
}
export interface AssignHouseholdsRequest {
  visitorPersonId: string;
  householdIds: string[];
}
export interface ReassignHouseholdsRequest {
  householdIds: string[];
  fromVisitorPersonId: string;
  toVisitorPersonId: string;
  reason: string;
}
export interface EndAssignmentRequest {
  assignmentId: string;
  reason: string;
}
export interface ListAssignmentsRequest {
  visitorPersonId?: string;
  householdId?: string;
  includeHistory?: boolean;
}

// ---- responses ----

export interface GridSizeView {
  id: string;
  name: string;
  householdCount: number;
}
export interface HouseholdChange {
  household: HouseholdView;
  grid: GridSizeView;
}
export interface MoveHouseholdResult {
  household: HouseholdView;
  from: GridSizeView;
  to: GridSizeView;
}
export interface AcceptInviteResult {
  personId: string;
  role: Role;
  scopeName: string;
}
export interface AssignResult {
  created: AssignmentView[];
  /** households the visitor already held: nothing new written for them */
  unchanged: string[];
}
export interface ReassignResult {
  closed: AssignmentView[];
  opened: AssignmentView[];
}
export interface ExpireInvitesResult {
  expired: number;
}

/** What the role-aware home page renders; one card per role the person holds. */
/** A visit to my household that I have not confirmed yet (two-party visit proof), shown on the home page. */
export interface PendingVisitView {
  id: string;
  at: string;
  visitorName: string;
}

export type HomeCard =
  | {
      role: 'villager';
      household: {
        id: string;
        address: string;
        gridName: string;
        villageName: string;
        leaderName: string | null;
        /** recent visits awaiting my confirmation, newest first */
        pendingVisits: PendingVisitView[];
      } | null;
    }
  | { role: 'gridLeader'; grid: GridSizeView & { villageName: string }; households: { id: string; address: string; headName: string }[] }
  | { role: 'visitor'; assignedHouseholds: number; villages: { id: string; name: string; households: number }[] }
  | {
      role: 'liaison';
      village: { id: string; name: string };
      grids: number;
      households: number;
      unassignedHouseholds: number;
      gridsUnderMinimum: number;
    }
  | { role: 'office'; villages: number; grids: number; households: number; visitors: number }
  | { role: 'discipline'; township: TownshipView }
  | { role: 'helper'; township: TownshipView }
  /** SPEC §7b's inspectors: their plans are on the places pages */
  | { role: 'police' | 'deptInspector'; township: TownshipView };

export type MeResult =
  /** openid: the caller's own OPENID, so a first office account can be bootstrapped (scripts/bootstrap-office.ts) */
  | { bound: false; openid: string | null }
  | {
      bound: true;
      person: { id: string; name: string; phone: string | null };
      township: TownshipView;
      roles: RoleView[];
      home: HomeCard[];
    };

// ---- pickers: what a page offers instead of asking for an internal id ----

export type ChoiceKind = 'village' | 'campaign';

export interface ListChoicesRequest {
  kind: ChoiceKind;
}

export interface ChoiceOption {
  id: string;
  label: string;
  /** one short line under the label (进行中, 3个微网格 …) */
  note: string;
}

/** A choice, with the choices under it (a campaign's periods) */
export interface ChoiceView extends ChoiceOption {
  options: ChoiceOption[];
}

export interface ChoiceList {
  kind: ChoiceKind;
  items: ChoiceView[];
}
