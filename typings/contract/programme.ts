// The `programme` function's contract table: the elderly registry (seed 000) and old compounds (seed 002).
import type { PageAction, ServerAction } from './action';
import type {
  AddCompoundRequest,
  AddCompoundTaskRequest,
  AddElderlyRequest,
  CompoundList,
  CompoundTaskList,
  CompoundTaskView,
  CompoundView,
  ElderlyEntryView,
  ElderlyPage,
  HelperContactRecorded,
  ListCompoundsRequest,
  ListElderlyRequest,
  RecordHelperContactRequest,
  SetElderlyActiveRequest,
  SetTaskStatusRequest,
  UpdateCompoundRequest,
  UpdateCompoundTaskRequest,
  UpdateElderlyRequest,
} from '../programme';

export interface ProgrammeContract {
  addElderly: PageAction<AddElderlyRequest, ElderlyEntryView>;
  updateElderly: PageAction<UpdateElderlyRequest, ElderlyEntryView>;
  setElderlyActive: PageAction<SetElderlyActiveRequest, ElderlyEntryView>;
  listElderly: PageAction<ListElderlyRequest, ElderlyPage>;
  recordHelperContact: ServerAction<
    RecordHelperContactRequest,
    HelperContactRecorded,
    'no page yet: the helper page is not built; the helperContact timer reminds silent helpers and the tests record contacts'
  >;
  addCompound: PageAction<AddCompoundRequest, CompoundView>;
  updateCompound: PageAction<UpdateCompoundRequest, CompoundView>;
  listCompounds: PageAction<ListCompoundsRequest, CompoundList>;
  listCompoundTasks: PageAction<{ year?: number }, CompoundTaskList>;
  setTaskStatus: PageAction<SetTaskStatusRequest, CompoundTaskView>;
  addCompoundTask: PageAction<AddCompoundTaskRequest, CompoundTaskView>;
  updateCompoundTask: PageAction<UpdateCompoundTaskRequest, CompoundTaskView>;
}
