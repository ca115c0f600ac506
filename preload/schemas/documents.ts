// Documents (issue 5): templates, the pre-flight report, and the generated versions kept on a case.
// A template is data (templates/documents/<id>/: meta.json + one Markdown-with-Liquid file per
// language); a clinic's own templates are stored in the vault. Messages are i18n keys.
import { z } from 'zod';
import { Labels } from './catalogue';
import { Id, requiredLine } from './text';

export const DocumentLanguage = z.enum(['da', 'en']);
export type DocumentLanguage = z.infer<typeof DocumentLanguage>;

export const DocumentFormat = z.enum(['docx', 'pdf', 'bundle']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** What a template makes: the brief to the board, its cover letter, or something else. */
export const TemplateKind = z.enum(['brief', 'cover_letter', 'other']);
export type TemplateKind = z.infer<typeof TemplateKind>;

export const TemplateId = z
  .string()
  .min(1, 'validation.required')
  .max(60, 'validation.tooLong')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'validation.templateId');

/**
 * A field the template cannot do without: a path into the template's data (see
 * main/core/documents/context.ts, e.g. "client.name" or "case.decisionDate"), and its label in
 * both languages. Generation refuses, naming each missing field by its label.
 */
export const RequiredField = z.object({ path: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]*$/, 'validation.fieldPath').max(120), label: Labels }).strict();
export type RequiredField = z.infer<typeof RequiredField>;

/** meta.json of a template. */
export const TemplateMeta = z
  .object({
    id: TemplateId,
    title: Labels,
    kind: TemplateKind,
    /** Semantic version, recorded with every document made from it. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'validation.templateVersion'),
    languages: z.array(DocumentLanguage).min(1).max(2),
    requires: z.array(RequiredField).max(100).default([]),
  })
  .strict();
export type TemplateMeta = z.infer<typeof TemplateMeta>;

export const TemplateSummary = TemplateMeta.extend({ origin: z.enum(['shipped', 'clinic']) });
export type TemplateSummary = z.infer<typeof TemplateSummary>;

/** A template as a clinic adds it: meta.json and one Markdown file per language, read as text. */
export const TemplateUpload = z
  .object({
    files: z
      .array(z.object({ name: requiredLine(255), text: z.string().max(1_000_000, 'validation.tooLong') }).strict())
      .min(1, 'validation.required')
      .max(10),
  })
  .strict();
export type TemplateUpload = z.infer<typeof TemplateUpload>;

export const DocumentRequest = z
  .object({ caseId: Id, templateId: TemplateId, language: DocumentLanguage })
  .strict();
export type DocumentRequest = z.infer<typeof DocumentRequest>;

/** A cited excerpt whose source is old or superseded (see evidence currency). */
export const StaleCitation = z.object({
  excerptId: Id,
  sourceTitle: z.string(),
  publisher: z.string(),
  date: z.string().nullable(),
  reasons: z.array(z.enum(['old', 'superseded'])),
  newerEdition: z.object({ id: Id, title: z.string(), date: z.string().nullable() }).nullable(),
});
export type StaleCitation = z.infer<typeof StaleCitation>;

/** Everything that stops or should give pause before a document is made. */
export const Preflight = z.object({
  /** Required fields the case lacks, with their labels in the requested language. */
  missing: z.array(z.object({ path: z.string(), label: z.string() })),
  /** [@id] references to excerpts that are not in the library or not linked to this case. */
  unknownCitations: z.array(z.string()),
  stale: z.array(StaleCitation),
  /** Annexes the bundle would hold, in order (attachments of the case, documents of cited sources). */
  annexes: z.array(z.object({ number: z.number().int(), name: z.string(), kind: z.enum(['attachment', 'source']), pages: z.number().int().nullable(), usable: z.boolean() })),
});
export type Preflight = z.infer<typeof Preflight>;

export const GenerateRequest = DocumentRequest.extend({
  format: DocumentFormat,
  /** Made even though cited sources are stale: the lawyer has seen the report and goes on. */
  acknowledgeStale: z.boolean().default(false),
}).strict();
export type GenerateRequest = z.infer<typeof GenerateRequest>;

/** A generated document kept on the case, encrypted in the vault like an attachment. */
export const DocumentVersion = z.object({
  id: Id,
  caseId: Id,
  templateId: TemplateId,
  templateVersion: z.string(),
  language: DocumentLanguage,
  format: DocumentFormat,
  /** File name offered when saving, e.g. "2026-200 brief (da).pdf". */
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime(),
});
export type DocumentVersion = z.infer<typeof DocumentVersion>;
