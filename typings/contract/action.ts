// The two kinds of row in a function's contract table: an action a page calls, and one no page calls (with who does).

/** An action the mini program calls through `callCloud` or the outbox. */
export interface PageAction<Req, Res> {
  request: Req;
  response: Res;
  caller: 'page';
}

/**
 * An action no page calls. `Why` says who does and why there is no page: `timer: …` (a timer job the office may also
 * start by hand), `script: …` (the demo or an admin script), `no page yet: …` (the function and its tests exist, the
 * page does not).
 */
export interface ServerAction<Req, Res, Why extends ServerOnlyReason> {
  request: Req;
  response: Res;
  caller: 'server';
  reason: Why;
}

export type ServerOnlyReason = `timer: ${string}` | `script: ${string}` | `no page yet: ${string}`;

/** The request of an action that takes no fields (its schema is a strict empty object). */
export type NoFields = Record<string, never>;
