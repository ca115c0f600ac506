// Issue 3, scenario: a fictional family of four taken through intake from the keyboard (the
// mother is the client, with her name in Arabic script; three household members, the son linked
// to his own case), three risk factors with facts and sources, one attachment. Then the core is
// killed and restarted, the page reloaded and the vault unlocked: everything is there.
import { readFile } from 'node:fs/promises';
import type { CaseRecord } from '../../../preload/contract';
import { caseRows, screenshot, unlock } from './actions';
import { expect, openApp, test } from './fixtures';
import { dayFromToday, press, riskCard, saved, section, typeInto } from './intake-actions';
import { seedVault } from './seed';

const MOTHER = { reference: '2026-100', name: 'Amal Testdatter', original: 'أمل تستداتر' };
const SON_CASE = { reference: '2026-101', clientName: 'Samir Testsen' };
const PDF = Buffer.from('%PDF-1.4\n% fictional decision letter for an end-to-end test\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

test('a family of four is taken through intake with the keyboard and survives a crash of the core', async ({ page, harness }) => {
  test.setTimeout(180_000);
  await seedVault(harness.dataDir, [SON_CASE]);
  await openApp(page, harness);
  await unlock(page);
  await expect(caseRows(page)).toHaveCount(1);

  // New case, from the keyboard: Enter on "New case", type, Tab, type, Enter.
  await press(page, page.getByRole('button', { name: 'New case' }), 'Enter');
  const dialog = page.getByRole('dialog', { name: 'New case' });
  await expect(dialog.getByLabel('Reference')).toBeFocused();
  await page.keyboard.type(MOTHER.reference);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel("Client's name")).toBeFocused();
  await page.keyboard.type(MOTHER.name);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: MOTHER.reference, level: 1 })).toBeVisible();

  // Client.
  const client = section(page, 'Client');
  await expect(client.getByLabel('Name (Latin script)')).toHaveValue(MOTHER.name);
  await client.getByLabel('Name (Latin script)').focus();
  await page.keyboard.press('Tab');
  const original = client.getByLabel('Name in original script');
  await expect(original).toBeFocused();
  await expect(original).toHaveAttribute('dir', 'rtl');
  await expect(original).toHaveAttribute('lang', 'ar');
  await page.keyboard.type(MOTHER.original);
  await typeInto(page, client.getByLabel('Date of birth'), '1984-05');
  await client.getByLabel('Sex').selectOption('female');
  await typeInto(page, client.getByLabel('Nationality'), 'sy');
  await expect(client.getByLabel('Ethnicity')).toHaveAccessibleDescription(/Special category/);
  await typeInto(page, client.getByLabel('Ethnicity'), 'Fiktiv');
  await typeInto(page, client.getByLabel('CPR number'), '0101841234');
  await press(page, client.getByRole('checkbox', { name: 'Needs an interpreter' }), 'Space');
  await typeInto(page, client.getByLabel("Interpreter's language"), 'Arabic');
  await typeInto(page, client.getByLabel("Interpreter's dialect"), 'Levantine');
  await saved(client);

  // Case: basis, dates, origin.
  const details = section(page, 'Case');
  await details.getByLabel('Protection basis').selectOption('dk-7-3');
  await typeInto(page, details.getByLabel('Arrival'), '2014');
  await typeInto(page, details.getByLabel('Permit granted'), '2015-06');
  await typeInto(page, details.getByLabel('Decision appealed'), '2021-03-14');
  await details.getByLabel('Country of origin').selectOption('SY');
  await details.getByLabel('Governorate').selectOption('daraa');
  await typeInto(page, details.getByLabel('City, district or camp'), 'Yarmouk camp');
  await typeInto(page, details.getByLabel('Assigned paralegal'), 'Paula Paralegal');
  await saved(details);

  // Household: three members; the son linked to his own case with the case picker.
  const household = section(page, 'Household');
  const members = [
    { name: 'Samir Testsen', relationship: 'child', birth: '2003', where: 'denmark', status: 's.7(1), kept' },
    { name: 'Lina Testdatter', relationship: 'child', birth: '2006-09', where: 'denmark', status: 's.7(3), revoked 2021' },
    { name: 'Yusuf Testsen', relationship: 'spouse', birth: '1980', where: 'country_of_origin', status: '' },
  ];
  for (const [index, member] of members.entries()) {
    await press(page, household.getByRole('button', { name: 'Add a family member' }), 'Enter');
    const group = household.getByRole('group', { name: `Member ${index + 1}` });
    await expect(group.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type(member.name);
    await group.getByLabel('Relationship to the client').selectOption(member.relationship);
    await typeInto(page, group.getByLabel('Date of birth'), member.birth);
    await group.getByLabel('Where they are').selectOption(member.where);
    if (member.status) await typeInto(page, group.getByLabel('Their own status'), member.status);
  }
  const son = household.getByRole('group', { name: 'Member 1' });
  await typeInto(page, son.getByRole('combobox', { name: 'Their own case' }), SON_CASE.reference);
  await expect(son.getByRole('option', { name: new RegExp(SON_CASE.reference) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(son.getByRole('button', { name: `Open ${SON_CASE.reference}` })).toBeVisible();
  await saved(household);

  // Timeline: one event, the source of the draft-evasion facts.
  const timeline = section(page, 'Timeline');
  await press(page, timeline.getByRole('button', { name: 'Add an event' }), 'Enter');
  await expect(timeline.getByLabel('Date', { exact: true })).toBeFocused();
  await page.keyboard.type('2012-03');
  await timeline.getByLabel('Source', { exact: true }).selectOption('document');
  await typeInto(page, timeline.getByLabel('Which source'), 'Call-up papers');
  await typeInto(page, timeline.getByLabel('What happened'), 'Call-up papers for Samir delivered to the family home in Daraa.');
  await saved(timeline);

  // Deadlines: the brief, due in a week.
  const deadlines = section(page, 'Deadlines');
  const dueOn = dayFromToday(7);
  await press(page, deadlines.getByRole('button', { name: 'Add a deadline' }), 'Enter');
  await deadlines.getByLabel('Kind').selectOption('brief');
  await deadlines.getByLabel('Due date').fill(dueOn);
  await typeInto(page, deadlines.getByLabel('Note'), 'Indlæg til nævnsmødet');
  await saved(deadlines);

  // Attachment: the decision letter, picked as a file, with its document date.
  const attachments = section(page, 'Attachments');
  await attachments.getByLabel('Choose files').setInputFiles({ name: 'decision-2021.pdf', mimeType: 'application/pdf', buffer: PDF });
  const staged = attachments.getByRole('listitem', { name: 'decision-2021.pdf' });
  await typeInto(page, staged.getByLabel('Document date'), '2021-03-14');
  await typeInto(page, staged.getByLabel('Description'), 'Decision of the Immigration Service');
  await press(page, staged.getByRole('button', { name: 'Add decision-2021.pdf' }), 'Enter');
  const attachmentRow = attachments.getByRole('row', { name: /decision-2021\.pdf/ });
  await expect(attachmentRow).toContainText('application/pdf');
  await expect(attachmentRow).toContainText('2021-03-14');

  // Risk factors: three, each opened with Enter, marked present with Space, with facts.
  const risks = section(page, 'Risk factors');
  const draft = riskCard(page, 'Draft evasion or desertion');
  await press(page, draft.locator('summary'), 'Enter');
  await press(page, draft.getByRole('radio', { name: 'Present' }), 'Space');
  await typeInto(page, draft.getByLabel('Age', { exact: false }).first(), '17');
  await press(page, draft.getByRole('checkbox', { name: 'Call-up received' }), 'Space');
  await typeInto(page, draft.getByLabel("In the client's words"), 'They came for my son twice. The papers said he had to report.');
  await typeInto(page, draft.getByLabel("Lawyer's summary"), 'Son of military age with a call-up; did not report.');
  await press(page, draft.getByRole('checkbox', { name: /Call-up papers for Samir/ }), 'Space');
  await press(page, draft.getByRole('checkbox', { name: 'decision-2021.pdf' }), 'Space');

  const family = riskCard(page, 'Family member of a draft evader');
  await press(page, family.locator('summary'), 'Enter');
  await press(page, family.getByRole('radio', { name: 'Present' }), 'Space');
  await typeInto(page, family.getByLabel("In the client's words"), 'As his mother they will question me about where he is.');

  const women = riskCard(page, 'Women, especially single women');
  await press(page, women.locator('summary'), 'Enter');
  await press(page, women.getByRole('radio', { name: 'Present' }), 'Space');
  await press(page, women.getByRole('checkbox', { name: /female-headed/i }), 'Space');
  await typeInto(page, women.getByLabel("Lawyer's summary"), 'Female-headed household; husband remains in Syria.');
  await saved(risks);
  await expect(risks).toContainText('Saved');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'case-intake');
  await riskCard(page, 'Draft evasion or desertion').scrollIntoViewIfNeeded();
  await screenshot(page, 'case-risks');

  // The next deadline shows in the case list.
  await press(page, page.getByRole('button', { name: 'Back to cases' }), 'Enter');
  const motherRow = caseRows(page).filter({ hasText: MOTHER.reference });
  await expect(motherRow).toContainText('Brief to the Board');

  // Crash and restart of the core; reload; unlock; everything is there.
  await harness.restart('SIGKILL');
  await page.reload();
  await unlock(page);
  await press(page, caseRows(page).filter({ hasText: MOTHER.reference }).getByRole('button', { name: MOTHER.reference }), 'Enter');
  await expect(page.getByRole('heading', { name: MOTHER.reference, level: 1 })).toBeVisible();

  await expect(section(page, 'Client').getByLabel('Name in original script')).toHaveValue(MOTHER.original);
  await expect(section(page, 'Client').getByLabel('Date of birth')).toHaveValue('1984-05');
  await expect(section(page, 'Client').getByLabel('Nationality')).toHaveValue('SY');
  await expect(section(page, 'Client').getByLabel('CPR number')).toHaveValue('010184-1234');
  await expect(section(page, 'Case').getByLabel('Governorate')).toHaveValue('daraa');
  await expect(section(page, 'Case').getByLabel('Decision appealed')).toHaveValue('2021-03-14');
  const restoredHousehold = section(page, 'Household');
  for (const [index, member] of members.entries()) {
    await expect(restoredHousehold.getByRole('group', { name: `Member ${index + 1}` }).getByLabel('Name', { exact: true })).toHaveValue(member.name);
  }
  await expect(restoredHousehold.getByRole('button', { name: `Open ${SON_CASE.reference}` })).toBeVisible();
  await expect(section(page, 'Deadlines').getByLabel('Due date')).toHaveValue(dueOn);
  await expect(section(page, 'Attachments').getByRole('row', { name: /decision-2021\.pdf/ })).toBeVisible();
  await expect(riskCard(page, 'Draft evasion or desertion').getByRole('radio', { name: 'Present' })).toBeChecked();
  await expect(riskCard(page, 'Draft evasion or desertion').getByLabel("In the client's words")).toHaveValue(/They came for my son twice/);

  const record = (await page.evaluate(async () => {
    const list = await window.briefcase!.cases.list({ query: '2026-100' });
    if (!list.ok) throw new Error('list');
    const got = await window.briefcase!.cases.get({ id: list.value.items[0]!.id });
    if (!got.ok) throw new Error('get');
    return got.value;
  })) as CaseRecord;
  const { file } = record;
  expect(file.client).toMatchObject({ name: MOTHER.name, nameOriginal: MOTHER.original, birthDate: '1984-05', sex: 'female', nationality: 'SY', ethnicity: 'Fiktiv', cpr: '010184-1234' });
  expect(file.client.interpreter).toEqual({ needed: true, language: 'Arabic', dialect: 'Levantine' });
  expect(file.details).toMatchObject({ reference: MOTHER.reference, protectionBasis: 'dk-7-3', origin: { country: 'SY', region: 'daraa', place: 'Yarmouk camp' } });
  expect(file.details.dates).toMatchObject({ arrival: '2014', permitGranted: '2015-06', decision: '2021-03-14' });
  expect(file.household.map((m) => [m.name, m.relationship, m.birthDate, m.whereabouts])).toEqual(
    members.map((m) => [m.name, m.relationship, m.birth, m.where]),
  );
  expect(file.household[0]!.linkedCaseId).toEqual(expect.any(String));
  expect(file.timeline).toHaveLength(1);
  expect(file.deadlines).toMatchObject([{ kind: 'brief', dueOn, done: false, note: 'Indlæg til nævnsmødet' }]);
  expect(file.attachments).toMatchObject([{ name: 'decision-2021.pdf', mediaType: 'application/pdf', size: PDF.length, documentDate: '2021-03-14' }]);
  const present = file.risks.filter((risk) => risk.state === 'present');
  expect(present.map((risk) => risk.factorId).sort()).toEqual(['draft-evasion', 'family-of-wanted', 'women-children']);
  const draftRisk = present.find((risk) => risk.factorId === 'draft-evasion')!;
  expect(draftRisk.fields).toMatchObject({ age: 17, callUpReceived: true });
  expect(draftRisk.sources).toEqual(
    expect.arrayContaining([
      { kind: 'timeline', id: file.timeline[0]!.id },
      { kind: 'attachment', id: file.attachments[0]!.id },
    ]),
  );

  // Save a copy gives back the same bytes.
  const download = page.waitForEvent('download');
  await press(page, section(page, 'Attachments').getByRole('button', { name: 'Save a copy decision-2021.pdf' }), 'Enter');
  const copy = await download;
  expect(copy.suggestedFilename()).toBe('decision-2021.pdf');
  expect(Buffer.compare(await readFile(await copy.path()), PDF)).toBe(0);
});
