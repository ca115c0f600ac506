// The order partner clinics are shown in: trusted ones first, revoked ones after, each group by
// name in the UI language's alphabet (the core's order uses no particular language).
import type { Partner } from '../../../preload/contract';
import { collatorFor } from '../i18n/collate';

export function partnersForDisplay(partners: readonly Partner[], language: string): Partner[] {
  const { compare } = collatorFor(language);
  return [...partners].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || compare(a.profile.name, b.profile.name));
}
