// Visit submissions through the full stack (runner → visit function → wx-server-sdk → emulator) at N concurrent callers.
import type { Emulator } from '../emulator';
import { DEFAULT_TEMPLATE_ID } from '../server/domain/visit/checklist';

export interface VisitBench {
  p50: number;
  p95: number;
  perSecond: number;
  refused: number;
}

export async function benchVisitSubmissions(
  emulator: Emulator,
  opts: { villages: number; callers: number; submissions: number; label?: string; keyOffset?: number },
): Promise<VisitBench | null> {
  if (opts.submissions <= 0 || !emulator.runner.names().includes('visit')) {
    console.log('visit submission: skipped (no submissions asked, or no visit function built)');
    return null;
  }
  emulator.clock.set('2026-12-20T10:00:00+08:00');
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const t0 = Date.now();
  const caller = async (c: number) => {
    for (;;) {
      const i = next++;
      if (i >= opts.submissions) return;
      const v = (i * 7 + c) % opts.villages;
      const householdId = `bv${v}g${i % 10}h${(i >> 4) % 10}`;
      const s = performance.now();
      const res = (await emulator.runner.invoke('visit', benchVisitEvent(householdId, i + (opts.keyOffset ?? 0)), {
        openid: `bench-visitor-${v}`,
        source: 'wx_client',
      })) as { ok: boolean };
      latencies.push(performance.now() - s);
      if (!res?.ok) failures++;
    }
  };
  await Promise.all(Array.from({ length: opts.callers }, (_, c) => caller(c)));
  const wall = (Date.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const out = { p50: q(0.5), p95: q(0.95), perSecond: opts.submissions / wall, refused: failures };
  console.log(
    `visit submission${opts.label ? ` ${opts.label}` : ''} (${opts.callers} concurrent callers, ${opts.submissions} submissions): p50 ${out.p50.toFixed(1)} ms, p95 ${out.p95.toFixed(1)} ms, throughput ${out.perSecond.toFixed(0)}/s, refused ${failures}`,
  );
  return out;
}

/** The event a visitor's phone sends; kept beside the bench so it follows the visit function's schema. */
export function benchVisitEvent(householdId: string, i: number): Record<string, unknown> {
  return {
    action: 'recordVisit',
    idempotencyKey: `bench-${i}-${householdId}`,
    householdId,
    templateId: DEFAULT_TEMPLATE_ID,
    answers: [
      { key: 'electricalWiring', answer: 'ok' },
      { key: 'gas', answer: 'ok' },
    ],
    education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
  };
}
