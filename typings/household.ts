// The `household` function's contract (a villager's own household, the 告知书 acknowledgement and the 三清三关
// self-check), shared by client and server with `import type` only. Instants travel as ISO strings; days as CST `YYYY-MM-DD`.

export type SelfCheckKey = 'passageClear' | 'balconyClear' | 'kitchenClear' | 'powerOff' | 'gasOff' | 'doorsWindowsClosed';

/** Someone the villager may need to reach: the phone is shown masked; `callNumber` is there only where calling is allowed. */
export interface ContactPersonView {
  personId: string;
  name: string;
  /** 138****0002, or null when no number is on file */
  phoneMasked: string | null;
  /** the full number for wx.makePhoneCall — only for the household's own grid leader and current visitors */
  callNumber: string | null;
}

export interface HouseholdMemberView {
  name: string;
  relation: string;
  phoneMasked: string | null;
}

export interface MyHouseholdRequest {
  /** needed only by a villager of more than one household */
  householdId?: string;
  /** also return the knock-action card's QR (the 明白卡 page) */
  withCard?: boolean;
}

export interface MyHouseholdCardQr {
  scene: string;
  page: string;
  /** storage file ID of the QR PNG (storage is private: phones cannot read it directly) */
  qrFileId: string | null;
  /** a temporary link to the QR PNG, issued by the function; what the <image> shows */
  qrUrl: string | null;
  qrProblem: string | null;
  /** the card's key rules, as the print sheets print them */
  rules: string[];
}

export interface MyHouseholdView {
  household: { id: string; address: string; headName: string; villageName: string; gridName: string; active: boolean };
  members: HouseholdMemberView[];
  grid: { id: string; name: string; leaders: ContactPersonView[] };
  visitors: ContactPersonView[];
  /** the current 告知书 version and when I signed it (null: not yet) */
  notice: { version: string; acknowledgedAt: string | null };
  /** today's (CST) self-check, if done */
  selfCheckToday: SelfCheckView | null;
  card: MyHouseholdCardQr | null;
}

export interface NoticeView {
  version: string;
  title: string;
  source: string;
  /** the 13 items of seed 001 附件1, word for word */
  items: string[];
  acknowledgedAt: string | null;
}

export interface AcknowledgeNoticeRequest {
  /** the version the villager read; a stale version is refused so nobody signs a text they did not see */
  version: string;
  householdId?: string;
}

export interface AcknowledgementView {
  version: string;
  householdId: string;
  acknowledgedAt: string;
  /** false when this person had already signed this version (the first time is kept) */
  created: boolean;
}

export interface SelfCheckItemView {
  key: SelfCheckKey;
  label: string;
  group: '三清' | '三关';
}

export interface SelfCheckRequest {
  householdId?: string;
  /** every one of the six items, true = done */
  answers: Record<SelfCheckKey, boolean>;
}

export interface SelfCheckView {
  day: string;
  householdId: string;
  answers: Record<SelfCheckKey, boolean>;
  /** items answered "no" */
  open: SelfCheckKey[];
  at: string;
  /** an earlier self-check of the same day was replaced */
  replaced: boolean;
}

/** The self-check as submitted: the grid leaders told about the items not done (none open, or no other leader: []). */
export interface SelfCheckResult extends SelfCheckView {
  leaderNames: string[];
}
