// Roles and their scopes (SPEC §1). A person may hold several.

export type Role = 'villager' | 'gridLeader' | 'visitor' | 'liaison' | 'office' | 'discipline' | 'helper';
export type ScopeType = 'household' | 'grid' | 'village' | 'township';

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  /** the township every grant sits in, for quick township-wide checks */
  townshipId: string;
}
