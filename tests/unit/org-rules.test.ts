// Pure organisation rules: grid cap, phone masking, invite codes and QR scenes, assignment intervals, who may grant what.
import { admitHousehold, gridSizeWarning, GRID_MAX_HOUSEHOLDS, GRID_MIN_HOUSEHOLDS } from '../../server/domain/org/gridCapacity';
import { maskPhone } from '../../server/domain/org/phoneMask';
import {
  INVITE_ALPHABET,
  INVITE_CODE_LENGTH,
  inviteExpiry,
  inviteScene,
  isValidScene,
  newInviteCode,
  parseInviteCode,
} from '../../server/domain/org/inviteCode';
import { closeAt, isCurrent, isValidAt } from '../../server/domain/org/assignmentInterval';
import { canManageVillage, canSeePhones, isTownshipWide } from '../../server/domain/org/access';
import { mayGrant, type PlacedGrant } from '../../server/domain/org/grantPolicy';
import { seesGrid, seesHousehold, seesVillage, type Visibility } from '../../server/domain/org/visibility';
import type { RoleGrant } from '../../typings/roles';

describe('grid cap: 每村按5-10户（最多不超过15户）设立一个微网格', () => {
  it('admits up to the 15th household and refuses the 16th with a Chinese reason', () => {
    expect(GRID_MAX_HOUSEHOLDS).toBe(15);
    expect(admitHousehold('第1微网格', 0)).toEqual({ ok: true });
    expect(admitHousehold('第1微网格', 14)).toEqual({ ok: true });
    const refused = admitHousehold('第1微网格', 15);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message).toContain('第1微网格');
      expect(refused.message).toContain('最多不超过15户');
    }
  });

  it('warns below 5 households and is quiet from 5 on', () => {
    expect(GRID_MIN_HOUSEHOLDS).toBe(5);
    for (let n = 0; n < 5; n++) expect(gridSizeWarning('新网格', n)).toContain(`只有${n}户`);
    for (let n = 5; n <= 15; n++) expect(gridSizeWarning('新网格', n)).toBeUndefined();
  });
});

describe('phone masking', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0745-3221234')).toBe('074****1234');
  });
  it('hides short numbers entirely and passes absence through', () => {
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBeNull();
  });
});

describe('invite codes and QR scenes', () => {
  it('makes codes of 8 unambiguous characters from the random bytes', () => {
    const code = newInviteCode((n) => Uint8Array.from({ length: n }, (_, i) => i * 37));
    expect(code).toHaveLength(INVITE_CODE_LENGTH);
    for (const ch of code) expect(INVITE_ALPHABET).toContain(ch);
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('puts the code in a wxacode scene of at most 32 allowed characters', () => {
    const scene = inviteScene('ABCD2345');
    expect(scene).toBe('i=ABCD2345');
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(isValidScene(scene)).toBe(true);
    expect(isValidScene('x'.repeat(33))).toBe(false);
    expect(isValidScene('中文')).toBe(false);
    expect(isValidScene('a b')).toBe(false);
  });

  it('reads a typed code, a scene or a URL-encoded scene, forgiving case and spaces', () => {
    expect(parseInviteCode('abcd2345')).toBe('ABCD2345');
    expect(parseInviteCode(' ABCD 2345 ')).toBe('ABCD2345');
    expect(parseInviteCode('i=ABCD2345')).toBe('ABCD2345');
    expect(parseInviteCode('i%3DABCD2345')).toBe('ABCD2345');
    expect(parseInviteCode('ABCD234')).toBeNull();
    expect(parseInviteCode('ABCD2340')).toBeNull();
    expect(parseInviteCode('%E0%A4%A')).toBeNull();
  });

  it('expires whole days after creation', () => {
    expect(inviteExpiry(new Date('2024-12-01T00:00:00Z'), 7).toISOString()).toBe('2024-12-08T00:00:00.000Z');
  });
});

describe('assignment intervals [validFrom, validTo)', () => {
  const from = new Date('2024-11-19T00:00:00+08:00');
  const mid = new Date('2024-12-15T10:00:00+08:00');
  it('is valid from its start up to, not including, its end', () => {
    const a = { validFrom: from, validTo: mid };
    expect(isValidAt(a, from)).toBe(true);
    expect(isValidAt(a, new Date(mid.getTime() - 1))).toBe(true);
    expect(isValidAt(a, mid)).toBe(false);
    expect(isValidAt(a, new Date(from.getTime() - 1))).toBe(false);
    expect(isValidAt({ validFrom: from, validTo: null }, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('closes at the reassignment instant, so old and new ranges meet without gap or overlap', () => {
    const closed = closeAt({ validFrom: from, validTo: null }, mid);
    expect(closed).toEqual({ validFrom: from, validTo: mid });
    const opened = { validFrom: mid, validTo: null };
    expect(isValidAt(closed, mid)).toBe(false);
    expect(isValidAt(opened, mid)).toBe(true);
    expect(isCurrent(closed, mid)).toBe(false);
  });

  it('never rewrites a closed interval and never produces a negative one', () => {
    const done = { validFrom: from, validTo: mid };
    expect(closeAt(done, new Date('2025-01-01T00:00:00Z'))).toBe(done);
    const early = closeAt({ validFrom: mid, validTo: null }, from);
    expect(early.validTo!.getTime()).toBe(mid.getTime());
  });
});

describe('who may manage, see and grant', () => {
  const T = 't1';
  const g = (role: RoleGrant['role'], scopeId: string): RoleGrant => ({ role, scopeId, townshipId: T, scopeType: 'township' });
  const office = [g('office', T)];
  const discipline = [g('discipline', T)];
  const liaison = [g('liaison', 'v1')];
  const leader = [g('villager', 'h1'), g('gridLeader', 'g1')];
  const villager = [g('villager', 'h1')];

  it('gives the office and the discipline office the whole township, the office alone the right to manage it', () => {
    expect(isTownshipWide(office, T)).toBe(true);
    expect(isTownshipWide(discipline, T)).toBe(true);
    expect(isTownshipWide(office, 'other')).toBe(false);
    expect(canManageVillage(office, T, 'v9')).toBe(true);
    expect(canManageVillage(discipline, T, 'v1')).toBe(false);
  });

  it('lets a liaison manage only its own village', () => {
    expect(canManageVillage(liaison, T, 'v1')).toBe(true);
    expect(canManageVillage(liaison, T, 'v2')).toBe(false);
    expect(canManageVillage(villager, T, 'v1')).toBe(false);
  });

  it('shows phones to the office and the own-village liaison only', () => {
    expect(canSeePhones(office, T, 'v1')).toBe(true);
    expect(canSeePhones(liaison, T, 'v1')).toBe(true);
    expect(canSeePhones(liaison, T, 'v2')).toBe(false);
    expect(canSeePhones(discipline, T, 'v1')).toBe(false);
    expect(canSeePhones(leader, T, 'v1')).toBe(false);
  });

  it('limits who hands out which role (the policy table; office is never granted in the app)', () => {
    const who = (grants: RoleGrant[]) => ({ personId: 'p-granter', townshipId: T, grants });
    const t = (
      role: RoleGrant['role'],
      scopeType: RoleGrant['scopeType'],
      scopeId: string,
      villageId: string | null,
      gridId: string | null,
    ): PlacedGrant => ({ role, scopeType, scopeId, townshipId: T, villageId, gridId });
    const canGrant = (grants: RoleGrant[], target: PlacedGrant) => mayGrant(who(grants), target);
    expect(canGrant(office, t('office', 'township', T, null, null))).toBe(false);
    expect(canGrant(office, t('discipline', 'township', T, null, null))).toBe(false);
    expect(canGrant(office, t('liaison', 'village', 'v1', 'v1', null))).toBe(true);
    expect(canGrant(liaison, t('gridLeader', 'grid', 'g1', 'v1', 'g1'))).toBe(true);
    expect(canGrant(liaison, t('villager', 'household', 'h7', 'v2', 'g7'))).toBe(false);
    expect(canGrant(liaison, t('liaison', 'village', 'v1', 'v1', null))).toBe(false);
    expect(canGrant(liaison, t('office', 'township', T, null, null))).toBe(false);
    expect(canGrant(liaison, t('visitor', 'township', T, null, null))).toBe(false);
    expect(canGrant(liaison, t('visitor', 'village', 'v1', 'v1', null))).toBe(true);
    expect(canGrant(leader, t('villager', 'household', 'h2', 'v1', 'g1'))).toBe(true);
    expect(canGrant(leader, t('villager', 'household', 'h3', 'v1', 'g2'))).toBe(false);
    expect(canGrant(leader, t('gridLeader', 'grid', 'g1', 'v1', 'g1'))).toBe(false);
    expect(canGrant(villager, t('villager', 'household', 'h2', 'v1', 'g1'))).toBe(false);
    expect(canGrant(discipline, t('visitor', 'township', T, null, null))).toBe(false);
    expect(canGrant(discipline, t('discipline', 'township', T, null, null))).toBe(true);
  });

  it('reads visibility by village, grid and household, never across townships', () => {
    const v: Visibility = {
      townshipId: T,
      all: false,
      villageIds: new Set(['v1']),
      gridIds: new Set(['g5']),
      householdIds: new Set(['h9']),
      listedVillageIds: new Set(['v1', 'v2']),
    };
    expect(seesVillage(v, 'v2')).toBe(true);
    expect(seesVillage(v, 'v3')).toBe(false);
    expect(seesGrid(v, { _id: 'g1', townshipId: T, villageId: 'v1' })).toBe(true);
    expect(seesGrid(v, { _id: 'g5', townshipId: T, villageId: 'v2' })).toBe(true);
    expect(seesGrid(v, { _id: 'g6', townshipId: T, villageId: 'v2' })).toBe(false);
    expect(seesHousehold(v, { _id: 'h9', townshipId: T, villageId: 'v3', gridId: 'g8' })).toBe(true);
    expect(seesHousehold(v, { _id: 'h8', townshipId: T, villageId: 'v3', gridId: 'g8' })).toBe(false);
    expect(seesHousehold({ ...v, all: true }, { _id: 'h1', townshipId: 'other', villageId: 'v1', gridId: 'g1' })).toBe(false);
  });
});
