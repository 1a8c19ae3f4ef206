// The grant policy table against SPEC §4's invariants, for random granters, targets and requested grants (fast-check,
// fixed seed): never self, never discipline from the office, never office in the app, a liaison limited to its village
// and to village-scoped visitors, a grid leader to villagers of its grid, nothing across townships.
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import {
  decideAccept,
  decideGrant,
  decideInvite,
  decideRevoke,
  GRANT_POLICY,
  mayGrant,
  mayManageAssignments,
  policyLines,
  type Granter,
  type PlacedGrant,
} from '../../server/domain/org/grantPolicy';
import type { Role } from '../../typings/roles';

const SEED = 20241130;
const RUNS = 2000;

const townships = ['t1', 't2'] as const;
const place = fc.record({
  t: fc.constantFrom(...townships),
  v: fc.integer({ min: 1, max: 3 }),
  g: fc.integer({ min: 1, max: 2 }),
  h: fc.integer({ min: 1, max: 2 }),
});
const ROLES: Role[] = ['villager', 'gridLeader', 'visitor', 'liaison', 'office', 'discipline', 'helper', 'police', 'deptInspector'];
const DEPARTMENTS = ['jingfa', 'minzheng', 'guijian', 'yingji'] as const;

/** A grant consistent with where it sits: a villager in a household, a grid leader on a grid, a visitor in the township or a village. */
const grantArb: fc.Arbitrary<PlacedGrant> = fc
  .record({ role: fc.constantFrom(...ROLES), p: place, villageVisitor: fc.boolean(), dept: fc.constantFrom(...DEPARTMENTS) })
  .map(({ role, p, villageVisitor, dept }) => {
    const villageId = `${p.t}-v${p.v}`;
    const gridId = `${villageId}-g${p.g}`;
    if (role === 'villager') return { role, scopeType: 'household', scopeId: `${gridId}-h${p.h}`, townshipId: p.t, villageId, gridId };
    if (role === 'gridLeader') return { role, scopeType: 'grid', scopeId: gridId, townshipId: p.t, villageId, gridId };
    if (role === 'deptInspector') return { role, scopeType: 'department', scopeId: dept, townshipId: p.t, villageId: null, gridId: null };
    if (role === 'liaison' || (role === 'visitor' && villageVisitor))
      return { role, scopeType: 'village', scopeId: villageId, townshipId: p.t, villageId, gridId: null };
    return { role, scopeType: 'township', scopeId: p.t, townshipId: p.t, villageId: null, gridId: null };
  });

const personId = fc.constantFrom('p1', 'p2', 'p3');
const granterArb: fc.Arbitrary<Granter> = fc
  .record({ personId, grants: fc.array(grantArb, { maxLength: 4 }) })
  // a person's grants all sit in its own township
  .map(({ personId, grants }) => ({ personId, townshipId: 't1', grants: grants.filter((g) => g.townshipId === 't1') }));

const holds = (g: Granter, role: Role) => g.grants.some((x) => x.role === role);
const liaisonVillages = (g: Granter) => g.grants.filter((x) => x.role === 'liaison').map((x) => x.scopeId);
const leaderGrids = (g: Granter) => g.grants.filter((x) => x.role === 'gridLeader').map((x) => x.scopeId);

const params = { seed: SEED, numRuns: RUNS };

describe('grant policy (SPEC §4 "Who may grant what") for random granters and grants', () => {
  it('never lets anyone grant or revoke a role of their own', () => {
    fc.assert(
      fc.property(granterArb, grantArb, (granter, target) => {
        expect(decideGrant(granter, granter.personId, target).allowed).toBe(false);
        expect(decideRevoke(granter, granter.personId, target, { visitorGrants: [], assignedVillageIds: [] }).allowed).toBe(false);
        expect(decideInvite(granter, target, { personId: granter.personId, grants: [] }).allowed).toBe(false);
        expect(decideAccept(granter, granter.personId, target, null).allowed).toBe(false);
      }),
      params,
    );
  });

  it('grants the inspectors of places (police station officer, department inspector) only from the office (SPEC §7b)', () => {
    fc.assert(
      fc.property(granterArb, personId, grantArb, (granter, who, target) => {
        if (target.role !== 'police' && target.role !== 'deptInspector') return;
        const d = decideGrant(granter, who, target);
        expect(d.allowed).toBe(who !== granter.personId && target.townshipId === granter.townshipId && holds(granter, 'office'));
      }),
      params,
    );
  });

  it('grants discipline only from the discipline office, office never, and nothing outside the own township', () => {
    fc.assert(
      fc.property(granterArb, personId, grantArb, (granter, who, target) => {
        const d = decideGrant(granter, who, target);
        if (target.role === 'discipline' && d.allowed) expect(holds(granter, 'discipline')).toBe(true);
        if (target.role === 'office') expect(d.allowed).toBe(false);
        if (target.townshipId !== granter.townshipId) expect(d.allowed).toBe(false);
        // the office's own role never makes discipline grantable
        if (target.role === 'discipline')
          expect(mayGrant({ ...granter, grants: granter.grants.filter((g) => g.role !== 'discipline') }, target)).toBe(false);
      }),
      params,
    );
  });

  it('limits a liaison to its village and to village-scoped visitors, a grid leader to villagers of its grid', () => {
    fc.assert(
      fc.property(granterArb, personId, grantArb, (granter, who, target) => {
        if (holds(granter, 'office') || holds(granter, 'discipline')) return;
        const d = decideGrant(granter, who, target);
        if (!d.allowed) return;
        const byLiaison = target.villageId !== null && liaisonVillages(granter).includes(target.villageId);
        const byLeader = target.role === 'villager' && target.gridId !== null && leaderGrids(granter).includes(target.gridId);
        expect(byLiaison || byLeader).toBe(true);
        expect(['villager', 'gridLeader', 'visitor']).toContain(target.role);
        if (target.role === 'visitor') expect(target.scopeType).toBe('village');
        if (!byLiaison) expect(target.role).toBe('villager');
      }),
      params,
    );
  });

  it('lets the office grant every role of the table but discipline and office to someone else in its township', () => {
    const office: Granter = {
      personId: 'p1',
      townshipId: 't1',
      grants: [{ role: 'office', scopeType: 'township', scopeId: 't1', townshipId: 't1' }],
    };
    fc.assert(
      fc.property(grantArb, (target) => {
        const d = decideGrant(office, 'p2', target);
        const expected = target.townshipId === 't1' && !['discipline', 'office'].includes(target.role);
        expect(d.allowed).toBe(expected);
      }),
      params,
    );
  });

  it('lets an invitation name an existing person only if the issuer may grant every role that person holds', () => {
    fc.assert(
      fc.property(granterArb, personId, grantArb, fc.array(grantArb, { maxLength: 4 }), (granter, who, target, held) => {
        const d = decideInvite(granter, target, { personId: who, grants: held });
        if (d.allowed) {
          expect(who).not.toBe(granter.personId);
          expect(mayGrant(granter, target)).toBe(true);
          for (const g of held) expect(mayGrant(granter, g)).toBe(true);
        }
        // an account holding office can never be bound through an invitation
        if (held.some((g) => g.role === 'office')) expect(d.allowed).toBe(false);
        // acceptance re-checks the same rule with the issuer as it stands
        expect(decideAccept(granter, null, target, { personId: who, grants: held }).allowed).toBe(d.allowed);
      }),
      params,
    );
  });

  it('lets a revoker end a visitor only when its every visitor grant and visited village lie within the revoker’s reach', () => {
    fc.assert(
      fc.property(
        granterArb,
        personId,
        grantArb,
        fc.array(grantArb, { maxLength: 3 }),
        fc.array(fc.constantFrom('t1-v1', 't1-v2', 't1-v3'), { maxLength: 3 }),
        (granter, who, target, others, villages) => {
          const visitorGrants = [target, ...others].filter((g) => g.role === 'visitor');
          const d = decideRevoke(granter, who, target, { visitorGrants, assignedVillageIds: villages });
          if (!d.allowed || target.role !== 'visitor') return;
          for (const v of villages) expect(mayManageAssignments(granter, 't1', v)).toBe(true);
          if (!holds(granter, 'office')) {
            for (const v of villages) expect(liaisonVillages(granter)).toContain(v);
            for (const g of visitorGrants) expect(g.scopeType === 'village' && liaisonVillages(granter).includes(g.scopeId)).toBe(true);
          }
        },
      ),
      params,
    );
  });

  it('has no row granting office, and only the discipline office granting discipline', () => {
    expect(GRANT_POLICY.some((r) => r.role === 'office')).toBe(false);
    expect(GRANT_POLICY.filter((r) => r.role === 'discipline').map((r) => r.granter)).toEqual(['discipline']);
  });
});

describe("README's Security section", () => {
  it('quotes the policy table exactly as generated from GRANT_POLICY', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- grant-policy:start -->'), readme.indexOf('<!-- grant-policy:end -->'));
    const rows = block.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| granter') && !l.startsWith('| ---'));
    expect(rows).toEqual(policyLines());
  });
});
