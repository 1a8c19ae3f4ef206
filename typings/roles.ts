// Roles and their scopes (SPEC §1). A person may hold several.

export type Role = 'villager' | 'gridLeader' | 'visitor' | 'liaison' | 'office' | 'discipline' | 'helper' | 'police' | 'deptInspector';
/** `department`: a township department's own grant, scopeId = its code (typings/place.ts `Department`) */
export type ScopeType = 'household' | 'grid' | 'village' | 'township' | 'department';

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  /** the township every grant sits in, for quick township-wide checks */
  townshipId: string;
}
