// Lists sorted by a name follow the chosen language's alphabet: in Danish Æ, Ø, Å come after Z;
// in English they file under A and O. Partner clinics and the clinic's own tags use it.
import { describe, expect, it } from 'vitest';
import type { Partner, Tag } from '../../../preload/contract';
import { partnersForDisplay } from '../../../renderer/src/exchange/partnerOrder';
import { collatorFor, sortByText } from '../../../renderer/src/i18n/collate';
import { tagsForDisplay } from '../../../renderer/src/evidence/useTags';

const names = ['Øster', 'Zora', 'Åse', 'Anders', 'Ærø'];

describe('sorting by the chosen language', () => {
  it('puts Æ, Ø, Å after Z in Danish and among A and O in English', () => {
    expect(sortByText(names, (name) => name, 'da')).toEqual(['Anders', 'Zora', 'Ærø', 'Øster', 'Åse']);
    // English reads Æ as "AE" (before "AN"), Å as A and Ø as O.
    expect(sortByText(names, (name) => name, 'en')).toEqual(['Ærø', 'Anders', 'Åse', 'Øster', 'Zora']);
  });

  it('ignores case first and orders numbers by value', () => {
    expect(sortByText(['bo', 'Amal', 'Sag 10', 'Sag 2'], (name) => name, 'da')).toEqual(['Amal', 'bo', 'Sag 2', 'Sag 10']);
  });

  it('treats the locale and the bare language alike', () => {
    expect(collatorFor('da-DK').compare('Åse', 'Zora')).toBeGreaterThan(0);
    expect(collatorFor('en-GB').compare('Åse', 'Zora')).toBeLessThan(0);
    expect(sortByText(names, (name) => name, 'da')).toEqual(sortByText(names, (name) => name, 'da-DK'));
  });

  it('shows partner clinics trusted first, each group in the language’s alphabet', () => {
    const partner = (name: string, revokedAt: string | null) => ({ id: name, profile: { name }, revokedAt }) as unknown as Partner;
    const partners = [partner('Åse Retshjælp', null), partner('Zora Law Centre', null), partner('Ærø Klinik', '2026-01-02T10:00:00Z'), partner('Amal Testdatter Advokater', null)];
    const shown = (language: string) => partnersForDisplay(partners, language).map((item) => item.profile.name);
    expect(shown('da')).toEqual(['Amal Testdatter Advokater', 'Zora Law Centre', 'Åse Retshjælp', 'Ærø Klinik']);
    expect(shown('en')).toEqual(['Amal Testdatter Advokater', 'Åse Retshjælp', 'Zora Law Centre', 'Ærø Klinik']);
  });

  it('keeps shipped tags in the catalogue’s order and sorts the clinic’s own by their label in the language', () => {
    const tag = (id: string, da: string, en: string, origin: Tag['origin']): Tag => ({ id, labels: { da, en }, origin });
    const tags = [
      tag('military-service', 'Militærtjeneste', 'Military service', 'shipped'),
      tag('desertion', 'Desertering', 'Desertion', 'shipped'),
      tag('oster', 'Østerbro', 'Osterbro', 'clinic'),
      tag('zeeland', 'Sjælland', 'Zealand', 'clinic'),
      tag('aeroe', 'Ærø', 'Aeroe', 'clinic'),
    ];
    expect(tagsForDisplay(tags, 'da').map((item) => item.labels.da)).toEqual(['Militærtjeneste', 'Desertering', 'Sjælland', 'Ærø', 'Østerbro']);
    expect(tagsForDisplay(tags, 'en').map((item) => item.labels.en)).toEqual(['Military service', 'Desertion', 'Aeroe', 'Osterbro', 'Zealand']);
  });
});
