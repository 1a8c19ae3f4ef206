// Type-level test of the contract (checked by `npm run typecheck` through tsconfig.pagetests.json, never run): a field
// of RecordVisitRequest renamed, missing or unknown fails tsc at the page's call and at the function's action table.
// Every `@ts-expect-error` below must stay an error: if one stops failing, tsc reports the unused directive.
import { z } from 'zod';
import { callCloud } from '../../miniprogram/services/callCloud';
import { submitOrQueue } from '../../miniprogram/services/outbox';
import { contractActions, defineAction, type ContractChecked } from '../../server/infra/dispatch';
import { actions as visitActions } from '../../server/handlers/visit/index';
import { recordVisitSchema } from '../../server/domain/visit/schemas';
import type { PageAction } from '../../typings/contract';
import type { VisitContract } from '../../typings/contract/visit';
import type { Result } from '../../typings/result';
import type { RecordVisitRequest, RecordVisitResult } from '../../typings/visit';

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

const request: RecordVisitRequest = {
  householdId: 'h1',
  templateId: 'seed001',
  answers: [{ key: 'wiring', answer: 'ok' }],
  education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
};

/** The page side: callCloud and the outbox infer the request and the response from the table. */
export function pageSide(): void {
  const _answer = callCloud('visit', 'recordVisit', request);
  assertType<Equal<typeof _answer, Promise<Result<RecordVisitResult>>>>();
  const _queued = submitOrQueue('visit', 'recordVisit', request, '走访');
  assertType<
    Equal<
      Awaited<typeof _queued> extends infer Q ? (Q extends { queued: false; result: infer R } ? R : never) : never,
      Result<RecordVisitResult>
    >
  >();

  // @ts-expect-error a renamed field is not a field of RecordVisitRequest
  callCloud('visit', 'recordVisit', { ...request, householdID: 'h1' });
  const { householdId: _dropped, ...withoutHouseholdId } = request;
  // @ts-expect-error the field it replaced is then missing
  callCloud('visit', 'recordVisit', withoutHouseholdId);
  // @ts-expect-error a field of the wrong type
  callCloud('visit', 'recordVisit', { ...request, householdId: 42 });
  // @ts-expect-error the outbox is typed the same way
  submitOrQueue('visit', 'recordVisit', { ...request, householdID: 'h1' }, '走访');
  // @ts-expect-error an action name the table does not have
  callCloud('visit', 'recordVisits', request);
  // @ts-expect-error a server-only action (the ladder timer's) is not callable from a page
  callCloud('escalation', 'runEscalation');
  // @ts-expect-error a function that does not exist
  callCloud('visits', 'recordVisit', request);
}

/** The handler side: the action table passes its contract, and fails it as soon as the two disagree on a field. */
export function handlerSide(): void {
  type VisitTable = typeof visitActions;
  const checked: ContractChecked<VisitContract, VisitTable> = visitActions;

  type RenamedRequest = Omit<RecordVisitRequest, 'householdId'> & { householdID: string };
  type RenamedContract = Omit<VisitContract, 'recordVisit'> & { recordVisit: PageAction<RenamedRequest, RecordVisitResult> };
  // @ts-expect-error RecordVisitRequest with householdId renamed no longer matches recordVisitSchema
  const renamed: ContractChecked<RenamedContract, VisitTable> = visitActions;

  type WiderContract = Omit<VisitContract, 'recordVisit'> & {
    recordVisit: PageAction<RecordVisitRequest & { note?: string }, RecordVisitResult>;
  };
  // @ts-expect-error an optional field the schema does not know is a mismatch too (assignability alone would let it pass)
  const wider: ContractChecked<WiderContract, VisitTable> = visitActions;

  const renamedSchema = recordVisitSchema.omit({ householdId: true }).extend({ householdID: z.string() });
  const table = contractActions('visit', {
    ...visitActions,
    // @ts-expect-error a schema whose input renamed householdId fails the real contract
    recordVisit: defineAction({ schema: renamedSchema, access: ['visitor'], run: visitActions.recordVisit.run as never }),
  });
  contractActions('visit', {
    ...visitActions,
    // @ts-expect-error a handler whose result is not the contract's response
    recordVisit: defineAction({ schema: recordVisitSchema, access: ['visitor'], run: async () => ({ visit: null }) }),
  });
  // @ts-expect-error an action the contract does not list
  contractActions('visit', { ...visitActions, recordVisits: visitActions.recordVisit });
  const { recordVisit: _recordVisit, ...withoutRecordVisit } = visitActions;
  // @ts-expect-error an action the contract lists must be in the table
  contractActions('visit', withoutRecordVisit);
  void [checked, renamed, wider, table];
}
