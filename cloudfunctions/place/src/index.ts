// Cloud function `place`: places and listed units, inspection plans, inspections, referrals 吹哨报到. Wiring only.
import { createMain } from '../../../server/infra/dispatch';
import { actions } from '../../../server/handlers/place';

export const main = createMain(actions);
