// The `programme` function's action and timer tables: the elderly registry (seed 000) and old compounds (seed 002).
import { contractActions, type TimerDef } from '../../infra/dispatch';
import { addElderly, listElderly, updateElderly } from './elderly';
import { helperElderly, recordHelperContact } from './helperContacts';
import { addCompound, listCompoundTasks, listCompounds, setTaskStatus, updateCompound } from './compounds';
import { remindSilentHelpers } from './helperReminder';

export const actions = contractActions('programme', {
  addElderly,
  updateElderly,
  listElderly,
  helperElderly,
  recordHelperContact,
  addCompound,
  updateCompound,
  listCompounds,
  listCompoundTasks,
  setTaskStatus,
});

export const timers: Record<string, TimerDef> = { helperContact: { run: (ctx) => remindSilentHelpers(ctx) } };
