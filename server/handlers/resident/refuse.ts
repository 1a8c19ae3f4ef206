// A refusal decided by a pure rule becomes an AppError with the same code, message and field.
import { AppError } from '../../infra/errors';
import type { Problem } from '../../domain/visit/problem';

export function refuse(p: Problem | null): void {
  if (p) throw new AppError(p.code, p.message, p.field);
}
