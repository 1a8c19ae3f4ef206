// The `org` function's action table: accounts and organisation (township → village → micro-grid → household, people, invites, assignments).
import { contractActions, type TimerDef } from '../../infra/dispatch';
import { createVillage, listVillages, updateVillage } from './villages';
import { createGrid, listGrids, updateGrid } from './grids';
import { addHousehold, listHouseholds, moveHousehold, setHouseholdActive, updateHousehold } from './households';
import { addPerson, grantRole, listPersons, revokeRole } from './persons';
import { acceptInvite, createInvite, expireInvites, listInvites, revokeInvite } from './invites';
import { assignHouseholds, endAssignment, listAssignments, reassignHouseholds } from './assignments';
import { me } from './me';
import { listChoices } from './choices';
import { setVisitorProfile } from './visitorProfile';

export const actions = contractActions('org', {
  me,
  createVillage,
  updateVillage,
  listVillages,
  createGrid,
  updateGrid,
  listGrids,
  addHousehold,
  updateHousehold,
  moveHousehold,
  setHouseholdActive,
  listHouseholds,
  addPerson,
  grantRole,
  revokeRole,
  listPersons,
  createInvite,
  acceptInvite,
  revokeInvite,
  listInvites,
  assignHouseholds,
  reassignHouseholds,
  endAssignment,
  listAssignments,
  listChoices,
  setVisitorProfile,
});

export const timers: Record<string, TimerDef> = { expireInvites };
