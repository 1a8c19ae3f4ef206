// The `org` function's contract table: township → village → micro-grid → household, people, invites, assignments.
import type { NoFields, PageAction, ServerAction } from './action';
import type {
  AcceptInviteRequest,
  AcceptInviteResult,
  AddHouseholdRequest,
  AddPersonRequest,
  AssignHouseholdsRequest,
  AssignmentView,
  AssignResult,
  ChoiceList,
  CreateGridRequest,
  CreateInviteRequest,
  CreateVillageRequest,
  EndAssignmentRequest,
  GrantRoleRequest,
  GridView,
  HouseholdChange,
  HouseholdListItem,
  HouseholdView,
  InviteStatus,
  InviteView,
  ListAssignmentsRequest,
  ListChoicesRequest,
  ListGridsRequest,
  ListHouseholdsRequest,
  ListPersonsRequest,
  MeResult,
  MoveHouseholdRequest,
  MoveHouseholdResult,
  Page,
  PersonView,
  ReassignHouseholdsRequest,
  ReassignResult,
  RevokeInviteRequest,
  RevokeRoleRequest,
  SetHouseholdActiveRequest,
  UpdateGridRequest,
  UpdateHouseholdRequest,
  UpdateVillageRequest,
  VillageView,
} from '../org';
import type { SetVisitorProfileRequest, VisitorProfile } from '../supervision';

/** what a rename answers */
type Renamed = { id: string; name: string };

export interface OrgContract {
  me: PageAction<NoFields, MeResult>;
  createVillage: ServerAction<
    CreateVillageRequest,
    VillageView,
    'no page yet: the office creates villages through the dev HTTP API (README) and the function tests'
  >;
  updateVillage: ServerAction<UpdateVillageRequest, Renamed, 'no page yet: renaming a village is tested through the function only'>;
  listVillages: ServerAction<
    NoFields,
    VillageView[],
    'no page yet: pages list their villages through escalation.dashboard; the dev HTTP API (README) and tests call it'
  >;
  createGrid: PageAction<CreateGridRequest, GridView>;
  updateGrid: ServerAction<UpdateGridRequest, Renamed, 'no page yet: renaming a grid is tested through the function only'>;
  listGrids: PageAction<ListGridsRequest, GridView[]>;
  addHousehold: PageAction<AddHouseholdRequest, HouseholdChange>;
  updateHousehold: ServerAction<
    UpdateHouseholdRequest,
    HouseholdView,
    'no page yet: household details are edited through the function (tests); the liaison page adds and moves households'
  >;
  moveHousehold: PageAction<MoveHouseholdRequest, MoveHouseholdResult>;
  setHouseholdActive: ServerAction<
    SetHouseholdActiveRequest,
    HouseholdChange,
    'no page yet: moving out and back in is tested through the function only'
  >;
  listHouseholds: PageAction<ListHouseholdsRequest, Page<HouseholdListItem>>;
  addPerson: ServerAction<
    AddPersonRequest,
    PersonView,
    'no page yet: people join by invite on the phone; adding one directly is done through the function (tests)'
  >;
  grantRole: ServerAction<
    GrantRoleRequest,
    PersonView,
    'no page yet: roles are granted by invite on the phone; direct grants go through the function (README, tests)'
  >;
  revokeRole: ServerAction<
    RevokeRoleRequest,
    PersonView,
    'no page yet: revoking a role is tested through the function (authz matrix, findings)'
  >;
  listPersons: PageAction<ListPersonsRequest, Page<PersonView>>;
  createInvite: ServerAction<
    CreateInviteRequest,
    InviteView,
    'no page yet: the office issues invites through the dev HTTP API (README) and the tests; the phone only accepts them'
  >;
  acceptInvite: PageAction<AcceptInviteRequest, AcceptInviteResult>;
  revokeInvite: ServerAction<RevokeInviteRequest, InviteView, 'no page yet: revoking an invite is tested through the function only'>;
  listInvites: ServerAction<{ status?: InviteStatus }, InviteView[], 'no page yet: listing invites is tested through the function only'>;
  assignHouseholds: PageAction<AssignHouseholdsRequest, AssignResult>;
  reassignHouseholds: PageAction<ReassignHouseholdsRequest, ReassignResult>;
  endAssignment: ServerAction<
    EndAssignmentRequest,
    AssignmentView,
    'no page yet: ending an assignment without a successor is tested through the function only'
  >;
  listAssignments: PageAction<ListAssignmentsRequest, AssignmentView[]>;
  listChoices: PageAction<ListChoicesRequest, ChoiceList>;
  setVisitorProfile: ServerAction<
    SetVisitorProfileRequest,
    VisitorProfile,
    'no page yet: the office records the unit and type of a visitor through the function (tests, demo data); the people page is another issue'
  >;
}
