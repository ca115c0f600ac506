// The shipped tag lists (templates/evidence/tags.json), validated on load like the other reference
// data: a broken file fails at start-up and in the unit tests.
import { TagCatalogue } from '../../../preload/schemas/evidence';
import data from '../../../templates/evidence/tags.json' with { type: 'json' };

export const shippedTags: TagCatalogue = TagCatalogue.parse(data);
