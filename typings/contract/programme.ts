// The `programme` function's contract table: the elderly registry (seed 000) and old compounds (seed 002).
import type { PageAction } from './action';
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
  HelperElderlyPage,
  HelperElderlyRequest,
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
  helperElderly: PageAction<HelperElderlyRequest, HelperElderlyPage>;
  recordHelperContact: PageAction<RecordHelperContactRequest, HelperContactRecorded>;
  addCompound: PageAction<AddCompoundRequest, CompoundView>;
  updateCompound: PageAction<UpdateCompoundRequest, CompoundView>;
  listCompounds: PageAction<ListCompoundsRequest, CompoundList>;
  listCompoundTasks: PageAction<{ year?: number }, CompoundTaskList>;
  setTaskStatus: PageAction<SetTaskStatusRequest, CompoundTaskView>;
  addCompoundTask: PageAction<AddCompoundTaskRequest, CompoundTaskView>;
  updateCompoundTask: PageAction<UpdateCompoundTaskRequest, CompoundTaskView>;
}
