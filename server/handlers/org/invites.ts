// Invitations: the way a person joins (SPEC §1 "joins their household's micro-grid by QR/invite"). An invite carries one
// role grant; accepting it binds the caller's OPENID — never a value from the request — to the person and grant.
import { randomBytes } from 'crypto';
import type { AcceptInviteResult, ExpireInvitesResult, InviteView } from '../../../typings/org';
import { defineAction, type ActionContext, type TimerDef } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { makeInviteQr } from '../../infra/inviteQr';
import { actorOf, requirePerson, scopeNames } from '../../infra/orgRepo';
import { findAll, getById, inTransaction, txGet } from '../../infra/store';
import { isOffice } from '../../domain/org/access';
import { decideAccept, decideGrant, decideInvite } from '../../domain/org/grantPolicy';
import { granterOf, placeGrants, requireAllowed } from '../../infra/orgPeople';
import { INVITE_PAGE, inviteExpiry, inviteScene, newInviteCode } from '../../domain/org/inviteCode';
import { acceptInviteSchema, createInviteSchema, listInvitesSchema, revokeInviteSchema } from '../../domain/org/schemas';
import type { HouseholdRecord, InviteRecord, PersonRecord } from '../../domain/org/records';
import { inviteView } from '../../domain/org/views';
import { ROLE_LABELS } from '../../domain/roles';
import { resolveGrant } from './persons';

const QR_PROBLEM = '二维码生成失败，请使用邀请码加入';

async function viewsOf(ctx: ActionContext, invites: InviteRecord[]): Promise<InviteView[]> {
  const names = await scopeNames(ctx, invites);
  return invites.map((i) => inviteView(i, names.get(i.scopeId) ?? ''));
}

export const createInvite = defineAction({
  schema: createInviteSchema,
  access: ['office', 'discipline', 'liaison', 'gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'createInvite', async (): Promise<InviteView> => {
      const actor = actorOf(ctx);
      const resolved = await resolveGrant(ctx, input);
      let person: PersonRecord | null = null;
      if (input.personId) {
        person = await requirePerson(ctx, input.personId);
        if (!person.active) throw new AppError('CONFLICT', '该人员已停用，不能邀请', 'personId');
      }
      const named = person ? { personId: person._id, grants: await placeGrants(ctx, person.grants) } : null;
      requireAllowed(decideInvite(granterOf(actor), resolved, named));
      if (person?.openid) throw new AppError('ALREADY_BOUND', `${person.name}已绑定微信，可直接为其授予角色`, 'personId');
      const code = newInviteCode((n) => randomBytes(n));
      const qr = await makeInviteQr(inviteScene(code), INVITE_PAGE, code);
      const record: InviteRecord = {
        _id: code,
        code,
        townshipId: actor.townshipId,
        role: resolved.role,
        scopeType: resolved.scopeType,
        scopeId: resolved.scopeId,
        personId: person?._id ?? null,
        name: person?.name ?? input.name ?? null,
        phone: person?.phone ?? input.phone ?? null,
        status: 'open',
        expiresAt: inviteExpiry(ctx.now, input.validDays),
        qrFileId: qr.fileId,
        createdBy: actor.personId,
        createdAt: ctx.now,
        usedBy: null,
        usedAt: null,
      };
      await inTransaction(ctx.db, async (tx) => {
        await tx.collection('invites').add({ data: { ...record } });
        await writeAudit(tx, ctx, 'createInvite', { collection: 'invites', docId: code, before: null, after: record });
      });
      return (await viewsOf(ctx, [record]))[0];
    }),
  warnings: (invite) => (invite.qrFileId ? [] : [QR_PROBLEM]),
});

function refuseUnusable(invite: InviteRecord | null, now: Date): asserts invite is InviteRecord {
  if (!invite) throw new AppError('INVITE_INVALID', '邀请码无效，请核对后重新输入', 'code');
  if (invite.status === 'used')
    throw new AppError('INVITE_USED', '该邀请码已被使用，每个邀请码只能使用一次；如需加入请联系邀请人重新邀请', 'code');
  if (invite.status === 'revoked') throw new AppError('INVITE_INVALID', '该邀请已被撤销，请联系邀请人', 'code');
  if (invite.status === 'expired' || new Date(invite.expiresAt).getTime() <= now.getTime()) {
    throw new AppError('INVITE_EXPIRED', '邀请码已过期，请联系邀请人重新邀请', 'code');
  }
}

export const acceptInvite = defineAction({
  schema: acceptInviteSchema,
  access: 'anonymous',
  run: (ctx, input) =>
    idempotent(ctx, 'acceptInvite', async (): Promise<AcceptInviteResult> => {
      const openid = ctx.openid;
      if (!openid) throw new AppError('UNAUTHENTICATED', '无法识别您的微信身份，请在微信中打开小程序');
      const invite = await getById<InviteRecord>(ctx.db, 'invites', input.code);
      refuseUnusable(invite, ctx.now);
      const me = ctx.actor;
      if (me && me.townshipId !== invite.townshipId) throw new AppError('ALREADY_BOUND', '您的微信已绑定其他乡镇的账号，不能再加入本镇');
      if (me && invite.personId && invite.personId !== me.personId)
        throw new AppError('ALREADY_BOUND', `您的微信已绑定为“${me.name}”，该邀请是发给其他人的`);
      if (invite.scopeType === 'household') {
        const h = await getById<HouseholdRecord>(ctx.db, 'households', invite.scopeId);
        if (!h || !h.active) throw new AppError('HOUSEHOLD_INACTIVE', '该农户已迁出，邀请不再有效，请联系邀请人');
      }
      const grant = { role: invite.role, scopeType: invite.scopeType, scopeId: invite.scopeId, townshipId: invite.townshipId };
      const [placed] = await placeGrants(ctx, [grant]);
      const issuer = await getById<PersonRecord>(ctx.db, 'persons', invite.createdBy);
      const issuerNow =
        issuer && issuer.active && issuer.townshipId === invite.townshipId
          ? { personId: issuer._id, townshipId: issuer.townshipId, grants: issuer.grants }
          : null;
      const acceptance = async (named: PersonRecord | null) =>
        decideAccept(
          issuerNow,
          me?.personId ?? null,
          placed,
          named ? { personId: named._id, grants: await placeGrants(ctx, named.grants) } : null,
        );
      const namedNow = invite.personId ? await getById<PersonRecord>(ctx.db, 'persons', invite.personId) : null;
      requireAllowed(await acceptance(namedNow), 'code');
      const personId = await inTransaction(ctx.db, async (tx) => {
        const fresh = await txGet<InviteRecord>(tx, 'invites', invite._id);
        refuseUnusable(fresh, ctx.now);
        const used: InviteRecord = { ...fresh, status: 'used', usedBy: openid, usedAt: ctx.now };
        await tx
          .collection('invites')
          .doc(fresh._id)
          .update({ data: { status: 'used', usedBy: openid, usedAt: ctx.now } });
        await writeAudit(tx, ctx, 'acceptInvite', { collection: 'invites', docId: fresh._id, before: fresh, after: used });
        const targetId = fresh.personId ?? me?.personId ?? null;
        if (targetId) {
          const before = await txGet<PersonRecord>(tx, 'persons', targetId);
          if (!before || !before.active) throw new AppError('INVITE_INVALID', '被邀请的人员已不存在，请联系邀请人');
          if (before.openid && before.openid !== openid) throw new AppError('ALREADY_BOUND', '该人员已绑定其他微信');
          // the named person's roles as they stand inside the transaction, so a role granted meanwhile is weighed too
          if (fresh.personId && JSON.stringify(before.grants) !== JSON.stringify(namedNow?.grants))
            requireAllowed(await acceptance(before), 'code');
          const has = before.grants.some((g) => g.role === grant.role && g.scopeId === grant.scopeId);
          const after: PersonRecord = { ...before, openid, grants: has ? before.grants : [...before.grants, grant], updatedAt: ctx.now };
          await tx
            .collection('persons')
            .doc(before._id)
            .update({ data: { openid, grants: after.grants, updatedAt: ctx.now } });
          await writeAudit(tx, ctx, 'acceptInvite', { collection: 'persons', docId: before._id, before, after });
          return before._id;
        }
        const record = {
          townshipId: fresh.townshipId,
          name: fresh.name ?? '新成员',
          phone: fresh.phone,
          openid,
          active: true,
          grants: [grant],
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
        const { _id } = await tx.collection('persons').add({ data: record });
        await writeAudit(tx, ctx, 'acceptInvite', { collection: 'persons', docId: _id, before: null, after: { _id, ...record } });
        return _id;
      });
      const names = await scopeNames(ctx, [grant]);
      return { personId, role: grant.role, scopeName: names.get(grant.scopeId) ?? ROLE_LABELS[grant.role] };
    }),
});

export const revokeInvite = defineAction({
  schema: revokeInviteSchema,
  access: ['office', 'discipline', 'liaison', 'gridLeader'],
  async run(ctx, input): Promise<InviteView> {
    const actor = actorOf(ctx);
    const invite = await getById<InviteRecord>(ctx.db, 'invites', input.code);
    if (!invite || invite.townshipId !== actor.townshipId) throw new AppError('INVITE_INVALID', '邀请码无效', 'code');
    if (invite.createdBy !== actor.personId) {
      const [placed] = await placeGrants(ctx, [
        { role: invite.role, scopeType: invite.scopeType, scopeId: invite.scopeId, townshipId: invite.townshipId },
      ]);
      requireAllowed(decideGrant(granterOf(actor), null, placed));
    }
    if (invite.status !== 'open') throw new AppError('CONFLICT', '该邀请已使用或已失效，无需撤销', 'code');
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<InviteRecord>(tx, 'invites', invite._id);
      if (!before || before.status !== 'open') throw new AppError('CONFLICT', '该邀请已使用或已失效，无需撤销', 'code');
      const after: InviteRecord = { ...before, status: 'revoked' };
      await tx
        .collection('invites')
        .doc(before._id)
        .update({ data: { status: 'revoked' } });
      await writeAudit(tx, ctx, 'revokeInvite', { collection: 'invites', docId: before._id, before, after });
      return after;
    });
    return (await viewsOf(ctx, [after]))[0];
  },
});

export const listInvites = defineAction({
  schema: listInvitesSchema,
  access: ['office', 'discipline', 'liaison', 'gridLeader'],
  async run(ctx, input): Promise<InviteView[]> {
    const actor = actorOf(ctx);
    const where: Record<string, unknown> = { townshipId: actor.townshipId };
    // the office sees every invitation of the township; others the ones they sent
    if (!isOffice(actor.grants, actor.townshipId)) where.createdBy = actor.personId;
    if (input.status) where.status = input.status;
    const invites = await findAll<InviteRecord>(ctx.db, 'invites', where);
    invites.sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
    return viewsOf(ctx, invites.slice(0, 100));
  },
});

/** Daily at 03:00 Beijing time: open invitations past their expiry are marked expired, one audited transaction each. */
export const expireInvites: TimerDef = {
  async run(ctx): Promise<ExpireInvitesResult> {
    const due = await findAll<InviteRecord>(ctx.db, 'invites', { status: 'open', expiresAt: ctx.db.command.lte(ctx.now) });
    let expired = 0;
    for (const invite of due) {
      expired += await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<InviteRecord>(tx, 'invites', invite._id);
        if (!before || before.status !== 'open') return 0;
        const after: InviteRecord = { ...before, status: 'expired' };
        await tx
          .collection('invites')
          .doc(before._id)
          .update({ data: { status: 'expired' } });
        await writeAudit(tx, ctx, 'expireInvites', { collection: 'invites', docId: before._id, before, after });
        return 1;
      });
    }
    return { expired };
  },
};
