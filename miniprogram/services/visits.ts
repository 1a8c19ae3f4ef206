// The villager confirms that the visitor came (two-party visit proof): from the home page's prompt and from the
// household's visit list, so it lives in the main package.
import type { VisitView } from '../../typings/visit';
import type { Result } from '../../typings/result';
import { callCloud } from './callCloud';

export function confirmVisit(visitId: string): Promise<Result<VisitView>> {
  return callCloud('visit', 'confirmVisit', { visitId });
}
