// A refusal decided by a pure rule: the handler turns it into an AppError with the same code and message.
import type { ErrorCode } from '../../../typings/result';

export interface Problem {
  code: ErrorCode;
  message: string;
  field?: string;
}

export const MAX_PHOTOS = 9;
