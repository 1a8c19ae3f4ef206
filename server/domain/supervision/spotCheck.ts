// 抽查农户 (seed 001 §六(三) "领导小组将联合镇纪委通过抽查农户…进行督查"): a sample of households drawn at random once and
// kept, each checked at the door, then compared with the visits recorded for it in the period.
import type { MismatchKind, SpotCheckMismatch, VillagerSays } from '../../../typings/supervision';
import type { ProofKind } from '../visit/records';

/** a sample of more than this is no longer a spot check */
export const MAX_SAMPLE = 30;
/** the comparison period is at most this many days */
export const MAX_PERIOD_DAYS = 93;

/**
 * `size` distinct items of `candidates` (all of them when there are fewer), in the order drawn: a partial Fisher–Yates
 * shuffle over `randomInt(n)` ∈ [0, n), which the server takes from crypto so nobody can predict the sample.
 */
export function drawSample<T>(candidates: readonly T[], size: number, randomInt: (n: number) => number): T[] {
  const pool = [...candidates];
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}

export const MISMATCH_LABELS: Record<MismatchKind, string> = {
  deniedButRecorded: '农户称无人上门，但有走访记录',
  recordedNoProof: '走访记录无到场凭证',
  visitedNotRecorded: '农户称有人上门，但无走访记录',
  hazardNotRegistered: '抽查发现隐患未登记',
};

export interface CheckFacts {
  says: VillagerSays;
  hazardsSeen: string;
}

export interface RecordedVisit {
  day: string;
  visitorName: string;
  proofs: readonly ProofKind[];
}

/**
 * What does not add up for one sampled household: the villager's word against the visits recorded in the period, every
 * recorded visit without a proof of presence (checked or not), and hazards seen at the door that the register lacks.
 */
export function spotCheckMismatches(
  check: CheckFacts | null,
  visits: readonly RecordedVisit[],
  unverifiedHazards: number,
): SpotCheckMismatch[] {
  const out: SpotCheckMismatch[] = [];
  const add = (kind: MismatchKind, detail: string) => out.push({ kind, label: MISMATCH_LABELS[kind], detail });
  const days = (list: readonly RecordedVisit[]) => list.map((v) => `${v.day} ${v.visitorName}`).join('、');
  if (check?.says === 'notVisited' && visits.length > 0) add('deniedButRecorded', `记录 ${visits.length} 次：${days(visits)}`);
  const unproven = visits.filter((v) => v.proofs.length === 0);
  if (unproven.length) add('recordedNoProof', `${days(unproven)}：未扫明白卡、无定位、农户未确认`);
  if (check?.says === 'visited' && visits.length === 0) add('visitedNotRecorded', '期间没有该户的走访记录');
  if (check && check.hazardsSeen.trim() && unverifiedHazards === 0)
    add('hazardNotRegistered', `抽查看到：${check.hazardsSeen.trim()}；登记表中该户没有未整改的隐患`);
  return out;
}
