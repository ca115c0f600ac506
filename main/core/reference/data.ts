// The reference data shipped with Briefcase, as data: templates/jurisdictions, templates/regions and
// templates/risk-factors. Imported statically (bundled with the app) and validated on load by the
// same zod schemas the contract uses, so a broken data file fails at start-up and in the unit tests,
// not in the middle of an intake. To ship another jurisdiction or region list, add its file here.
import { Jurisdiction, RegionList, RiskCatalogue } from '../../../preload/schemas/catalogue';
import dk from '../../../templates/jurisdictions/dk.json' with { type: 'json' };
import sy from '../../../templates/regions/sy.json' with { type: 'json' };
import catalogue from '../../../templates/risk-factors/catalogue.json' with { type: 'json' };

export const shippedJurisdictions: Jurisdiction[] = [Jurisdiction.parse(dk)];
export const shippedRegionLists: RegionList[] = [RegionList.parse(sy)];
export const shippedCatalogue: RiskCatalogue = RiskCatalogue.parse(catalogue);
