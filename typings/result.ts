// The one response shape of every cloud-function action, shared by client and server (import type only).

/** Stable machine-readable codes; the Chinese message travels beside them. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_ACTION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GRID_FULL'
  | 'INVITE_INVALID'
  | 'INVITE_USED'
  | 'INVITE_EXPIRED'
  | 'ALREADY_BOUND'
  | 'HOUSEHOLD_INACTIVE'
  | 'NOT_IN_RANGE'
  | 'OFFLINE_TOO_LATE'
  | 'FUTURE_TIME'
  | 'CHECKLIST_ITEM_UNKNOWN'
  | 'TOO_MANY_PHOTOS'
  | 'PROOF_MISMATCH'
  | 'DEADLINE_IN_PAST'
  | 'CAMPAIGN_INVALID'
  | 'PERIOD_CLOSED'
  /** a campaign period in which visits were recorded cannot be removed */
  | 'PERIOD_HAS_VISITS'
  | 'CASE_STATE'
  /** a notice already published (or not in the state the action needs) */
  | 'NOTICE_STATE'
  /** the case already has an objection: one per case */
  | 'OBJECTION_EXISTS'
  /** the objection window (3 working days after publication or referral) has passed */
  | 'OBJECTION_CLOSED'
  /** no pending objection to rule on */
  | 'OBJECTION_STATE'
  | 'RATE_LIMITED'
  | 'CALENDAR_MISSING'
  | 'AGE_UNDER_60'
  | 'PERIOD_NOT_STARTED'
  /** the event is over CloudBase's 100 KB callFunction limit (refused by the client before sending, and by the function) */
  | 'PAYLOAD_TOO_LARGE'
  /** a secret the deployment must set (CARD_QR_SECRET, WHISTLE_SALT) is missing: an administrator's fix, not the user's */
  | 'CONFIG_MISSING'
  /** WeChat could not make a household's card QR (wxacode.getUnlimited): a print sheet without it is not made */
  | 'QR_UNAVAILABLE'
  /** places (SPEC §7b): a place type that is not one of the registry's types */
  | 'PLACE_TYPE_UNKNOWN'
  /** an inspection plan that selects no place */
  | 'PLAN_EMPTY'
  /** an inspection plan less often than once a year (004 §12 "每年检查1次"), or an unknown frequency */
  | 'PLAN_FREQUENCY'
  /** an inspection of a place that no plan of the inspector covers */
  | 'NOT_IN_PLAN'
  /** a referral to a department that does not supervise the place's type */
  | 'NOT_SUPERVISED'
  /** a referral of a hazard at a place that is not high-risk (004 §13 refers high-risk places) */
  | 'NOT_HIGH_RISK'
  /** an .xlsx import with at least one bad row: nothing was imported */
  | 'IMPORT_ROWS_INVALID'
  /** a referral not in the state the action needs (already acknowledged, already answered) */
  | 'REFERRAL_STATE'
  /** client-side only: the call never reached a function (offline, timeout, local backend down) */
  | 'NETWORK'
  | 'INTERNAL';

export type Ok<T> = { ok: true; data: T; warnings?: string[] };
export type Fail = { ok: false; code: ErrorCode; message: string; field?: string };
export type Result<T> = Ok<T> | Fail;

/** Every call carries an action name; field-work actions also carry an idempotency key. */
export interface ActionEvent {
  action: string;
  idempotencyKey?: string;
  [field: string]: unknown;
}
