// The demo township is a faithful miniature of seed 001, and the identity list the client shows is the one seeded.
import identitiesJson from '../../miniprogram/config/demo-identities.json';
import { demoDocs, demoIdentities } from '../../scripts/demo-data';
import { GRID_MAX_HOUSEHOLDS, GRID_MIN_HOUSEHOLDS } from '../../server/domain/org/gridCapacity';

const docs = demoDocs();

it('has 3 villages and 10 micro-grids of 5–15 households, each grid counting its households', () => {
  expect(docs.villages).toHaveLength(3);
  expect(docs.grids).toHaveLength(10);
  for (const g of docs.grids) {
    const n = docs.households.filter((h) => h.gridId === g._id).length;
    expect(g.householdCount).toBe(n);
    expect(n).toBeGreaterThanOrEqual(GRID_MIN_HOUSEHOLDS);
    expect(n).toBeLessThanOrEqual(GRID_MAX_HOUSEHOLDS);
  }
});

it('has a liaison per village, a leader per grid, visitors with ranges, an office and a discipline office', () => {
  const withRole = (role: string) => docs.persons.filter((p) => p.grants.some((g) => g.role === role));
  expect(
    withRole('liaison')
      .map((p) => p.grants[0].scopeId)
      .sort(),
  ).toEqual(docs.villages.map((v) => v._id).sort());
  expect(
    withRole('gridLeader')
      .map((p) => p.grants.find((g) => g.role === 'gridLeader')!.scopeId)
      .sort(),
  ).toEqual(docs.grids.map((g) => g._id).sort());
  expect(withRole('office')).toHaveLength(1);
  expect(withRole('discipline')).toHaveLength(1);
  expect(withRole('visitor').length).toBeGreaterThanOrEqual(5);
  // every household has exactly one visitor in the demo, and every assignment points at a real visitor
  const visitors = new Set(withRole('visitor').map((p) => p._id));
  for (const h of docs.households) expect(docs.assignments.filter((a) => a.householdId === h._id)).toHaveLength(1);
  for (const a of docs.assignments) expect(visitors.has(a.visitorPersonId)).toBe(true);
});

it('uses stable readable OPENIDs that are unique', () => {
  const openids = docs.persons.map((p) => p.openid);
  expect(new Set(openids).size).toBe(openids.length);
  for (const o of openids)
    expect(o).toMatch(/^demo-(office|discipline|liaison-\d+|visitor-\d+|leader-\d+|villager-\d+|helper-\d+|police|inspector-[a-z]+)$/);
  for (const o of ['demo-office', 'demo-discipline', 'demo-visitor-1', 'demo-leader-1', 'demo-villager-1', 'demo-liaison-1'])
    expect(openids).toContain(o);
});

it('marks some households with the seed priority groups', () => {
  for (const flag of ['elderlyAlone', 'leftBehindChildren', 'leftBehindWomen', 'mentalDisorder', 'disability'] as const) {
    expect(docs.households.some((h) => h.vulnerability[flag])).toBe(true);
  }
});

it('miniprogram/config/demo-identities.json is exactly the seeded identity list', () => {
  expect(identitiesJson).toEqual(demoIdentities());
  expect(
    demoIdentities()
      .map((d) => d.openid)
      .sort(),
  ).toEqual(docs.persons.map((p) => p.openid).sort());
});
