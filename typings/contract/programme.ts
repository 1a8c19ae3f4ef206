// The `programme` function's contract table: the elderly registry (seed 000) and old compounds (seed 002).
import type { PageAction, ServerAction } from './action';
import type {
  AddCompoundRequest,
  AddElderlyRequest,
  CompoundList,
  CompoundTaskList,
  CompoundTaskView,
  CompoundView,
  ElderlyEntryView,
  ElderlyPage,
  HelperContactRecorded,
  HelperElderlyPage,
  HelperElderlyRequest,
  ListCompoundsRequest,
  ListElderlyRequest,
  RecordHelperContactRequest,
  SetTaskStatusRequest,
  UpdateCompoundRequest,
  UpdateElderlyRequest,
} from '../programme';

export interface ProgrammeContract {
  addElderly: PageAction<AddElderlyRequest, ElderlyEntryView>;
  updateElderly: ServerAction<
    UpdateElderlyRequest,
    ElderlyEntryView,
    'no page yet: the registry page adds and lists entries; editing one is tested through the function'
  >;
  listElderly: PageAction<ListElderlyRequest, ElderlyPage>;
  helperElderly: PageAction<HelperElderlyRequest, HelperElderlyPage>;
  recordHelperContact: PageAction<RecordHelperContactRequest, HelperContactRecorded>;
  addCompound: ServerAction<
    AddCompoundRequest,
    CompoundView,
    'no page yet: the compound ledger page lists; entries are added through the function (tests)'
  >;
  updateCompound: ServerAction<
    UpdateCompoundRequest,
    CompoundView,
    'no page yet: the compound ledger page lists; entries are updated through the function (tests)'
  >;
  listCompounds: PageAction<ListCompoundsRequest, CompoundList>;
  listCompoundTasks: PageAction<{ year?: number }, CompoundTaskList>;
  setTaskStatus: ServerAction<
    SetTaskStatusRequest,
    CompoundTaskView,
    'no page yet: the task list page only reads; task status is set through the function (tests)'
  >;
}
