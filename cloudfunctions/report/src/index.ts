// Cloud function `report`: the seeds' monthly and period tables as real .xlsx files in cloud storage. Wiring only.
import { createMain } from '../../../server/infra/dispatch';
import { actions } from '../../../server/handlers/report';

export const main = createMain(actions);
