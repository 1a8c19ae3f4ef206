// The `household` function's action table: a villager's own household and grid, the 告知书 signature, the self-check.
import type { ActionDef } from '../../infra/dispatch';
import { myHousehold } from './myHousehold';
import { acknowledgeNotice, getNotice } from './notice';
import { selfCheck } from './selfCheck';

export const actions: Record<string, ActionDef<any, any>> = {
  myHousehold,
  getNotice,
  acknowledgeNotice,
  selfCheck,
};
