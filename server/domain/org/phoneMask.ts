// Phone numbers and WeChat ids are shown in full only to roles that must reach people; everyone else sees 138****5678.

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A WeChat id keeps its first and last two characters: wx_sj0012 → wx****12. */
export function maskWechatId(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length <= 4 ? '****' : `${id.slice(0, 2)}****${id.slice(-2)}`;
}
