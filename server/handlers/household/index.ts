// The `household` function's action table: a villager's own household and grid, the 告知书 signature, the self-check.
import { contractActions } from '../../infra/dispatch';
import { myHousehold } from './myHousehold';
import { acknowledgeNotice, getNotice } from './notice';
import { selfCheck } from './selfCheck';

export const actions = contractActions('household', {
  myHousehold,
  getNotice,
  acknowledgeNotice,
  selfCheck,
});
