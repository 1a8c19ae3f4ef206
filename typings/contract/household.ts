// The `household` function's contract table: a villager's own household, the 告知书 signature, the self-check.
import type { PageAction } from './action';
import type {
  AcknowledgeNoticeRequest,
  AcknowledgementView,
  MyHouseholdRequest,
  MyHouseholdView,
  NoticeView,
  SelfCheckRequest,
  SelfCheckResult,
} from '../household';

export interface HouseholdContract {
  myHousehold: PageAction<MyHouseholdRequest, MyHouseholdView>;
  getNotice: PageAction<{ householdId?: string }, NoticeView>;
  acknowledgeNotice: PageAction<AcknowledgeNoticeRequest, AcknowledgementView>;
  selfCheck: PageAction<SelfCheckRequest, SelfCheckResult>;
}
