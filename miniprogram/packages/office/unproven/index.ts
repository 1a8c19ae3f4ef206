// Visits recorded without proof of presence (no card QR, no GPS, no villager confirmation), one page at a time.
import type { UnprovenRow } from '../services/unproven';
import { listUnproven } from '../services/unproven';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as UnprovenRow[],
  },

  methods: {
    fetchPage: listUnproven,
  },
});
