// The `programme` function's action and timer tables: the elderly registry (seed 000) and old compounds (seed 002).
import { contractActions, type TimerDef } from '../../infra/dispatch';
import { addElderly, listElderly, setElderlyActive, updateElderly } from './elderly';
import { helperElderly, recordHelperContact } from './helperContacts';
import {
  addCompound,
  addCompoundTask,
  listCompoundTasks,
  listCompounds,
  setTaskStatus,
  updateCompound,
  updateCompoundTask,
} from './compounds';
import { remindSilentHelpers } from './helperReminder';

export const actions = contractActions('programme', {
  addElderly,
  updateElderly,
  setElderlyActive,
  listElderly,
  helperElderly,
  recordHelperContact,
  addCompound,
  updateCompound,
  listCompounds,
  listCompoundTasks,
  setTaskStatus,
  addCompoundTask,
  updateCompoundTask,
});

export const timers: Record<string, TimerDef> = { helperContact: { run: (ctx) => remindSilentHelpers(ctx) } };
