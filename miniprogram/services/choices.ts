// org.listChoices → what a picker offers instead of an internal id: the villages the caller may see, or the township's
// campaigns with their periods. Main package, beside the picker component that calls it.
import type { ChoiceKind, ChoiceList } from '../../typings/org';
import type { Result } from '../../typings/result';
import { callCloud } from './callCloud';

export function loadChoices(kind: ChoiceKind): Promise<Result<ChoiceList>> {
  return callCloud('org', 'listChoices', { kind });
}
