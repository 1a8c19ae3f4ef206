// Input schemas of the `household` function, named by use; every message is the Chinese text the page shows as is.
import { z } from 'zod';
import { id } from '../common/fields';
import { SELF_CHECK_ITEMS } from './selfCheck';

const householdId = id('农户').optional();

export const myHouseholdSchema = z.object({ householdId, withCard: z.boolean({ error: '“明白卡”参数须为是或否' }).default(false) });

export const getNoticeSchema = z.object({ householdId });

export const acknowledgeNoticeSchema = z.object({
  householdId,
  version: z.string({ error: '缺少告知书版本' }).trim().min(1, '缺少告知书版本').max(64, '告知书版本格式不正确'),
});

const answer = (label: string) => z.boolean({ error: `请回答“${label}”是否做到` });

export const selfCheckSchema = z.object({
  householdId,
  answers: z.object(
    Object.fromEntries(SELF_CHECK_ITEMS.map((i) => [i.key, answer(i.label)])) as Record<
      (typeof SELF_CHECK_ITEMS)[number]['key'],
      z.ZodBoolean
    >,
    {
      error: '请逐项回答“三清三关”自查',
    },
  ),
});
