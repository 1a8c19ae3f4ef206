// Cloud function `household`: a villager's own household, the 告知书 acknowledgement, the 三清三关 self-check. The actions live in server/handlers/household.
import { createMain } from '../../../server/infra/dispatch';
import { actions } from '../../../server/handlers/household';

export const main = createMain(actions);
