import { z } from 'zod';

/**
 * Schemas for every value that crosses the bridge. The main process parses
 * with them (a compromised renderer can send anything); the web bridge uses
 * them too so both implementations refuse the same inputs.
 */

export const SECRET_NAME_PATTERN = /^[a-z][a-z0-9._-]{0,63}$/;
/** Tokens and keys are small; a large value is a bug or an attack on the store. */
export const MAX_SECRET_LENGTH = 16 * 1024;

/** The display languages; the desktop shell starts Chromium in the last one chosen. */
export const uiLanguageSchema = z.enum(['zh-CN', 'en']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

export const secretNameSchema = z.string().regex(SECRET_NAME_PATTERN);
export const secretValueSchema = z.string().max(MAX_SECRET_LENGTH);

/** Complaint ids are UUIDs in practice; the pattern only keeps the value harmless. */
export const complaintIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const notificationSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  options: z
    .object({
      complaintId: complaintIdSchema.optional(),
      tag: z.string().min(1).max(200).optional(),
    })
    .strict()
    .optional(),
});
export type NotificationRequest = z.infer<typeof notificationSchema>;

export const pendingCountSchema = z.number().int().min(0).max(1_000_000);

export const urlArgSchema = z.string().min(1).max(2048);
