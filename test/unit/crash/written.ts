// What the killed writer (child.ts, mode `writes`) had acknowledged, and the check that the vault
// still holds exactly that after a SIGKILL.
//
// Exactly: every acknowledged write is there with the acknowledged content, and nothing else is,
// except the one write that was in flight when the kill came (printed as `intent`, never
// acknowledged). That one may have committed or not, but only whole: it is found either as it was
// meant or not at all, and the model then takes whichever the vault shows, so the next round
// checks against the truth. Reads go through api.call, as the app reads.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Api } from '../../../main/core/api';
import type { AttachmentMeta, CaseRecord } from '../../../preload/contract';
import { apiCalls, readAllChunks } from '../api-calls';
import type { Job, Write } from './protocol';

interface CaseModel {
  name: string;
  address: string;
  revision: number;
  attachments: Map<string, { sha256: string; size: number }>;
}

export class Written {
  readonly cases = new Map<string, CaseModel>();
  readonly sources = new Map<string, string>();
  readonly excerpts = new Map<string, { sourceId: string; text: string }>();
  /** Attachment ids whose bytes were read back since they were added. */
  private readonly bytesChecked = new Set<string>();

  state(): Job['state'] {
    return {
      cases: [...this.cases].map(([id, c]) => ({ id, revision: c.revision })),
      sources: [...this.sources.keys()],
      excerpts: [...this.excerpts].map(([id, e]) => ({ id, sourceId: e.sourceId })),
    };
  }

  /** Takes an acknowledged write into the model. */
  apply(write: Write): void {
    switch (write.op) {
      case 'createCase':
        this.cases.set(write.id!, { name: write.clientName, address: '', revision: 0, attachments: new Map() });
        break;
      case 'client':
        Object.assign(this.caseOf(write.id), { name: write.name, address: write.address, revision: write.revision });
        break;
      case 'attachment':
        this.caseOf(write.caseId).attachments.set(write.id!, { sha256: write.sha256, size: write.size });
        break;
      case 'source':
        this.sources.set(write.id!, write.title);
        break;
      case 'excerpt':
      case 'excerptEdit':
        this.excerpts.set(write.id!, { sourceId: write.sourceId, text: write.text });
        break;
      default:
        throw new Error(`not a write of this stream: ${write.op}`);
    }
  }

  /**
   * Checks the unlocked vault against the model; `inFlight` is the write that was running at the
   * kill. Returns what the vault showed of it: 'applied' (now in the model) or 'absent'.
   */
  async check(api: Api, inFlight: Write | undefined, readAll = false): Promise<'applied' | 'absent' | 'none'> {
    const { ok } = apiCalls(api);
    let outcome: 'applied' | 'absent' | 'none' = inFlight ? 'absent' : 'none';

    // Cases: every one acknowledged; one more only if the kill came during its cases.create.
    const listed = await ok<{ items: { id: string; clientName: string }[]; total: number }>('cases.list', { limit: 500 });
    expect(listed.total, 'no case beyond those acknowledged and the one in flight').toBeLessThanOrEqual(500);
    const extra = listed.items.filter((item) => !this.cases.has(item.id));
    if (inFlight?.op === 'createCase' && extra.length === 1) {
      expect(extra[0]!.clientName).toBe(inFlight.clientName);
      this.apply({ ...inFlight, id: extra[0]!.id });
      outcome = 'applied';
    } else {
      expect(extra, 'cases nobody asked for').toEqual([]);
    }
    expect(listed.total).toBe(this.cases.size);

    for (const [id, model] of this.cases) {
      const record = await ok<CaseRecord>('cases.get', { id });
      const stored = { name: record.file.client.name, address: record.file.client.contact.address, revision: record.revisions.client };
      if (inFlight?.op === 'client' && inFlight.id === id && stored.revision === inFlight.revision) {
        expect(stored).toEqual({ name: inFlight.name, address: inFlight.address, revision: inFlight.revision });
        this.apply(inFlight);
        outcome = 'applied';
      } else {
        expect(stored, `case ${id}: the acknowledged client section`).toEqual({ name: model.name, address: model.address, revision: model.revision });
      }
      await this.checkAttachments(api, id, model, record.file.attachments, inFlight, readAll).then((applied) => {
        if (applied) outcome = 'applied';
      });
    }

    // Evidence: every source and excerpt acknowledged, with its last acknowledged text.
    const sources = await ok<{ items: { id: string; title: string }[] }>('evidence.listSources', { limit: 1_000 });
    const extraSources = sources.items.filter((item) => !this.sources.has(item.id));
    if (inFlight?.op === 'source' && extraSources.length === 1) {
      expect(extraSources[0]!.title).toBe(inFlight.title);
      this.apply({ ...inFlight, id: extraSources[0]!.id });
      outcome = 'applied';
    } else {
      expect(extraSources, 'sources nobody asked for').toEqual([]);
    }
    expect(Object.fromEntries(sources.items.map((s) => [s.id, s.title]))).toEqual(Object.fromEntries(this.sources));

    const stored = new Map<string, { sourceId: string; text: string }>();
    for (const sourceId of this.sources.keys()) {
      const { excerpts } = await ok<{ excerpts: { id: string; sourceId: string; text: string }[] }>('evidence.getSource', { id: sourceId });
      for (const e of excerpts) stored.set(e.id, { sourceId: e.sourceId, text: e.text });
    }
    for (const [id, excerpt] of stored) {
      const model = this.excerpts.get(id);
      if (!model && inFlight?.op === 'excerpt' && excerpt.sourceId === inFlight.sourceId && excerpt.text === inFlight.text) {
        this.apply({ ...inFlight, id });
        outcome = 'applied';
      } else if (model && inFlight?.op === 'excerptEdit' && inFlight.id === id && excerpt.text === inFlight.text) {
        this.apply(inFlight);
        outcome = 'applied';
      }
    }
    expect(Object.fromEntries(stored), 'every acknowledged excerpt with its acknowledged text').toEqual(Object.fromEntries(this.excerpts));
    return outcome;
  }

  /** A case's attachments: the acknowledged ones with their hash and size, their bytes read back once. */
  private async checkAttachments(
    api: Api,
    caseId: string,
    model: CaseModel,
    stored: AttachmentMeta[],
    inFlight: Write | undefined,
    readAll: boolean,
  ): Promise<boolean> {
    const { ok } = apiCalls(api);
    let applied = false;
    const byId = new Map(stored.map((a) => [a.id, { sha256: a.sha256, size: a.size }]));
    for (const [id, meta] of byId) {
      if (model.attachments.has(id)) continue;
      const matches = inFlight?.op === 'attachment' && inFlight.caseId === caseId && meta.sha256 === inFlight.sha256 && meta.size === inFlight.size;
      expect(matches, `attachment ${id} was never uploaded to case ${caseId}`).toBe(true);
      this.apply({ ...(inFlight as Write & { op: 'attachment' }), id });
      applied = true;
    }
    expect(Object.fromEntries(byId)).toEqual(Object.fromEntries(model.attachments));
    for (const [id, meta] of model.attachments) {
      if (!readAll && this.bytesChecked.has(id)) continue;
      const bytes = await readAllChunks(ok, 'attachments.read', id);
      expect(createHash('sha256').update(bytes).digest('hex'), `attachment ${id}: the acknowledged bytes`).toBe(meta.sha256);
      this.bytesChecked.add(id);
    }
    return applied;
  }

  private caseOf(id: string): CaseModel {
    const found = this.cases.get(id);
    if (!found) throw new Error(`a write to a case the model does not know: ${id}`);
    return found;
  }
}
