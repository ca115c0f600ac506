// The rules written into the case-file schema: date order with the field blamed, outcome only when
// decided, stateless without nationality, unique ids and sources that exist.
import { describe, expect, it } from 'vitest';
import { CaseDetails, CaseFile, Client } from '../../../preload/contract';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('key dates must be in order', () => {
  const details = (dates: Record<string, string>) => CaseDetails.safeParse({ reference: 'R', dates });

  it.each([
    [{ arrival: '2016-03', permitGranted: '2016-02-11' }, 'dates.permitGranted', 'validation.permitBeforeArrival'],
    [{ permitGranted: '2016-02-11', permitExpiry: '2016-02-10' }, 'dates.permitExpiry', 'validation.expiryBeforePermit'],
    [{ permitGranted: '2016-02-11', decision: '2015' }, 'dates.decision', 'validation.decisionBeforePermit'],
    [{ decision: '2021-03-04', decisionReceived: '2021-03-03' }, 'dates.decisionReceived', 'validation.receivedBeforeDecision'],
    [{ decision: '2021-03', hearing: '2021-02-28' }, 'dates.hearing', 'validation.hearingBeforeDecision'],
  ])('%j → %s: %s', (dates, path, message) => {
    expect(issuesOf(details(dates))).toEqual([[path, message]]);
  });

  it('partial dates that may be in order pass', () => {
    expect(details({ arrival: '2015', permitGranted: '2015-01-01', decision: '2015-12', decisionReceived: '2015', hearing: '2015-12-31' }).success).toBe(true);
    expect(details({ arrival: '2015-09', permitGranted: '2015' }).success).toBe(true);
  });

  it('every broken pair is reported, not just the first', () => {
    expect(issuesOf(details({ arrival: '2017', permitGranted: '2016', decision: '2015' })).map(([p]) => p)).toEqual([
      'dates.permitGranted',
      'dates.decision',
    ]);
  });

  it('an outcome needs a decided or closed case', () => {
    expect(issuesOf(CaseDetails.safeParse({ reference: 'R', outcome: 'remitted' }))).toEqual([['outcome', 'validation.outcomeBeforeDecision']]);
    expect(CaseDetails.safeParse({ reference: 'R', status: 'decided', outcome: 'remitted' }).success).toBe(true);
  });
});

describe('client', () => {
  it('required name, valid CPR, no nationality when stateless, each at its path', () => {
    const result = Client.safeParse({ name: ' ', cpr: '320179-1234', stateless: true, nationality: 'SY' });
    expect(issuesOf(result)).toEqual(
      expect.arrayContaining([
        ['name', 'validation.required'],
        ['cpr', 'validation.cpr'],
      ]),
    );
    expect(issuesOf(Client.safeParse({ name: 'Testa Fictiva', stateless: true, nationality: 'SY' }))).toEqual([
      ['nationality', 'validation.statelessWithNationality'],
    ]);
  });
});

describe('case file', () => {
  const base = { format: 'briefcase-case', version: 1, details: { reference: 'R' }, client: { name: 'Testa Fictiva' } };

  it('refuses another version with its own key', () => {
    expect(issuesOf(CaseFile.safeParse({ ...base, version: 2 }))).toEqual([['version', 'validation.unsupportedVersion']]);
  });

  it('duplicate ids, duplicate factors and sources that are not in the file', () => {
    const id = '3f0c8f57-2f3e-4b8e-9a51-6f1d2c3b4a01';
    const event = { id, date: '2015', description: 'Event', source: 'document' };
    const result = CaseFile.safeParse({
      ...base,
      timeline: [event, event],
      risks: [
        { factorId: 'illegal-exit', sources: [{ kind: 'attachment', id }] },
        { factorId: 'illegal-exit' },
      ],
    });
    expect(issuesOf(result)).toEqual([
      ['timeline.1.id', 'validation.duplicateId'],
      ['risks.0.sources.0.id', 'validation.unknownSource'],
      ['risks.1.factorId', 'validation.duplicateFactor'],
    ]);
  });
});
