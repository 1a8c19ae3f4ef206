// The spot-check rules (seed 001 §六(三) 抽查农户): the random draw and what counts as a mismatch.
import fc from 'fast-check';
import { drawSample, MISMATCH_LABELS, spotCheckMismatches } from '../../server/domain/supervision/spotCheck';
import { drawSpotCheckSchema } from '../../server/domain/supervision/schemas';

describe('drawSample', () => {
  it('draws min(size, n) distinct candidates, whatever the random numbers', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 40, maxLength: 40 }),
        (candidates, size, randoms) => {
          let k = 0;
          const sample = drawSample(candidates, size, (n) => Math.floor(randoms[k++ % randoms.length] * n));
          expect(sample).toHaveLength(Math.min(size, candidates.length));
          expect(new Set(sample).size).toBe(sample.length);
          for (const s of sample) expect(candidates).toContain(s);
        },
      ),
      { seed: 20261130 },
    );
  });

  it('leaves its input alone', () => {
    const candidates = ['a', 'b', 'c'];
    drawSample(candidates, 2, (n) => n - 1);
    expect(candidates).toEqual(['a', 'b', 'c']);
  });
});

describe('spotCheckMismatches', () => {
  const proven = { day: '2026-12-02', visitorName: '向建军', proofs: ['gps' as const] };
  const unproven = { day: '2026-12-09', visitorName: '向建军', proofs: [] };

  it('lists a denied visit, an unproven visit, an unrecorded visit and an unregistered hazard', () => {
    expect(spotCheckMismatches({ says: 'notVisited', hazardsSeen: '' }, [proven], 0).map((m) => m.kind)).toEqual(['deniedButRecorded']);
    expect(spotCheckMismatches(null, [unproven], 0).map((m) => m.label)).toEqual([MISMATCH_LABELS.recordedNoProof]);
    expect(spotCheckMismatches({ says: 'visited', hazardsSeen: '' }, [], 0).map((m) => m.kind)).toEqual(['visitedNotRecorded']);
    expect(spotCheckMismatches({ says: 'unsure', hazardsSeen: '电动车在屋内充电' }, [proven], 0).map((m) => m.kind)).toEqual([
      'hazardNotRegistered',
    ]);
  });

  it('finds nothing when the villager agrees with proven visits and the register has the hazard seen', () => {
    expect(spotCheckMismatches({ says: 'visited', hazardsSeen: '电动车在屋内充电' }, [proven], 1)).toEqual([]);
    expect(spotCheckMismatches({ says: 'unsure', hazardsSeen: '' }, [], 0)).toEqual([]);
  });
});

describe('drawSpotCheckSchema', () => {
  const base = { size: 5, fromDay: '2026-12-01', toDay: '2026-12-31' };
  const message = (v: unknown) => {
    const r = drawSpotCheckSchema.safeParse(v);
    return r.success ? 'ok' : r.error.issues[0].message;
  };
  it('takes exactly one of a village and a visitor, a period in order and at most 93 days', () => {
    expect(message({ ...base, villageId: 'v' })).toBe('ok');
    expect(message(base)).toBe('请选择一个村（社区）或一名走访人');
    expect(message({ ...base, villageId: 'v', visitorPersonId: 'p' })).toBe('请选择一个村（社区）或一名走访人');
    expect(message({ ...base, villageId: 'v', fromDay: '2027-01-01' })).toBe('核对起始日不能晚于截止日');
    expect(message({ ...base, villageId: 'v', fromDay: '2026-09-01' })).toBe('核对期间最长93天');
    expect(message({ ...base, villageId: 'v', size: 31 })).toBe('一次最多抽查30户');
  });
});
