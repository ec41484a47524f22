import { z } from 'zod';
import { REDACTABLE_FIELDS } from '../events/payloads/outcome';
import { idSchema, isoDateTimeSchema } from '../events/fields';
import { plainText } from '../protocol/plain-text';

/**
 * The audit of access to customers' personal data: one record per view of a
 * complaint's personal fields, print of its record, or export of a report
 * listing complaints. It names the complaints by id only: nothing personal
 * is in the record itself. Who (the signed-in user) is set by the server from
 * the token, never taken from the body.
 */
export const ACCESS_ACTIONS = ['view', 'print', 'export'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The exports of the reports screen. */
export const EXPORT_REPORTS = ['complaints-csv', 'assessment-csv', 'report-xlsx'] as const;
export type ExportReport = (typeof EXPORT_REPORTS)[number];

/** Personal fields a view or print showed (the redactable ones). */
export const ACCESS_FIELDS = REDACTABLE_FIELDS;

/** Complaint ids per record; a larger export is recorded as several records. */
export const MAX_ACCESS_IDS = 1000;
/** Records per upload. */
export const MAX_ACCESS_UPLOAD = 20;

export const workstationIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{8,100}$/);

export const accessRecordSchema = z
  .strictObject({
    /** Made on the workstation (UUIDv7), so an upload repeated after a lost answer stores nothing twice. */
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    action: z.enum(ACCESS_ACTIONS),
    complaintIds: z.array(idSchema).min(1).max(MAX_ACCESS_IDS),
    /** For a view or print: the personal fields shown. */
    fields: z.array(z.enum(ACCESS_FIELDS)).max(ACCESS_FIELDS.length).optional(),
    /** For an export: which report. */
    report: z.enum(EXPORT_REPORTS).optional(),
    /** When it happened, by the workstation's clock (offline reads are uploaded later). */
    at: isoDateTimeSchema,
    workstationId: workstationIdSchema,
  })
  .refine((r) => (r.action === 'export') === (r.report !== undefined), { message: 'An export names its report, and only an export does' });
export type AccessRecord = z.infer<typeof accessRecordSchema>;

export const accessUploadSchema = z.strictObject({
  records: z.array(accessRecordSchema).min(1).max(MAX_ACCESS_UPLOAD),
});
export type AccessUpload = z.infer<typeof accessUploadSchema>;

/** One entry of the list admins and quality managers read. */
export const accessLogEntrySchema = z.object({
  id: z.string(),
  userId: z.string(),
  role: z.string(),
  userBranchId: z.string().nullable(),
  workstationId: z.string(),
  action: z.enum(ACCESS_ACTIONS),
  /** The fields shown (comma-separated) or the report exported. */
  detail: z.string(),
  /** The complaints the reader may see, with their numbers (at most 50 listed). */
  complaints: z.array(z.object({ id: z.string(), number: z.string().nullable() })),
  complaintCount: z.number().int(),
  at: z.string(),
  receivedAt: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

export const accessLogPageSchema = z.object({
  items: z.array(accessLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AccessLogPage = z.infer<typeof accessLogPageSchema>;

/** An id in a query string: a NUL or a lone surrogate could not even be compared in the database. */
const queryIdSchema = plainText({ max: 64 });

export const accessLogQuerySchema = z.strictObject({
  complaintId: queryIdSchema.optional(),
  userId: queryIdSchema.optional(),
  action: z.enum(ACCESS_ACTIONS).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().regex(/^\d{1,18}$/).optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuerySchema>;

/** Roles that may read the access log: admins everything, quality managers their branch. */
export const ACCESS_LOG_READERS = ['admin', 'quality_manager'] as const;
