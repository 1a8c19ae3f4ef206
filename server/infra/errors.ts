import type { ErrorCode, Fail } from '../../typings/result';

/** A refusal the user should read: stable code, Chinese message, optionally the offending field. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toFail(): Fail {
    return this.field
      ? { ok: false, code: this.code, message: this.message, field: this.field }
      : { ok: false, code: this.code, message: this.message };
  }
}

export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
