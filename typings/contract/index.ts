// The API contract: per cloud function, action name → request → response, and who calls it (a page, or no page and
// why). `callCloud` and the outbox are typed from it; each function's action table is checked against it
// (server/infra/dispatch.ts `contractActions`). Types only: client and server import it with `import type`.
import type { EscalationContract } from './escalation';
import type { GridContract } from './grid';
import type { HouseholdContract } from './household';
import type { OrgContract } from './org';
import type { PlaceContract } from './place';
import type { ProgrammeContract } from './programme';
import type { ReportContract } from './report';
import type { ResidentContract } from './resident';
import type { ScheduleContract } from './schedule';
import type { VisitContract } from './visit';

export type { NoFields, PageAction, ServerAction, ServerOnlyReason } from './action';

export interface Contract {
  escalation: EscalationContract;
  grid: GridContract;
  household: HouseholdContract;
  org: OrgContract;
  place: PlaceContract;
  programme: ProgrammeContract;
  report: ReportContract;
  resident: ResidentContract;
  schedule: ScheduleContract;
  visit: VisitContract;
}

export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
export type ContractRequest<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { request: infer R } ? R : never;
export type ContractResponse<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends { response: infer R } ? R : never;

/** The actions a page may call: those the table marks `caller: 'page'`. */
export type PageActionName<F extends FunctionName> = {
  [A in ActionName<F>]: Contract[F][A] extends { caller: 'page' } ? A : never;
}[ActionName<F>];
