// Driving the escalation ladder on the virtual clock in tests: timer runs until complete, and the township office's
// publication of a period's draft notice (SPEC §4: the close drafts, a person publishes).
import type { Backend } from './backend';

export async function ladderUntilDone(backend: Backend, iso: string): Promise<void> {
  backend.setClock(iso);
  for (let i = 0; i < 50; i++) {
    const res = await backend.fireTimer('escalation', 'ladder');
    if (!res.ok) throw new Error(`ladder at ${iso}: ${res.code} ${res.message}`);
    if ((res.data as { complete: boolean }).complete) return;
  }
  throw new Error(`ladder at ${iso} did not complete`);
}

/** The office publishes the period's draft at `iso` (as the demo township office unless told otherwise). */
export async function publishDraft(
  backend: Backend,
  campaignId: string,
  periodKey: string,
  iso: string,
  officeOpenid = 'demo-office',
): Promise<void> {
  backend.setClock(iso);
  const res = await backend.call('escalation', { action: 'publishNotice', noticeId: `notice:${campaignId}:${periodKey}` }, officeOpenid);
  if (!res.ok) throw new Error(`publish ${periodKey} at ${iso}: ${res.code} ${res.message}`);
}
