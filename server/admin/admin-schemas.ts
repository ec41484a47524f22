import { z } from 'zod';
import { categorySchema } from '../../shared/events/fields';
import { plainText, referenceIdSchema } from '../../shared/protocol/plain-text';
import { roleSchema } from '../../shared/roles';
import { passwordProblem } from '../auth/common-passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';

/** The admin API's bodies and params: what the routes declare and the OpenAPI document shows. */

export const usernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only');

/** Length and text rules; the common-password and same-as-username rules are checked with the username at hand. */
export const passwordSchema = plainText({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }).refine((p) => passwordProblem(p) === null, {
  message: 'is one of the most common passwords: choose another',
});

const displayName = plainText({ max: 100, trim: true });
const jobNumber = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes only');
const nameSchema = plainText({ max: 100, trim: true });

export const idParamsSchema = z.object({ id: referenceIdSchema });

export const newUserSchema = z
  .strictObject({
    id: referenceIdSchema.optional(),
    username: usernameSchema,
    password: passwordSchema,
    displayName: displayName.optional(),
    role: roleSchema,
    branchId: referenceIdSchema.nullable().optional(),
    teamId: referenceIdSchema.nullable().optional(),
    jobNumber: jobNumber.nullable().optional(),
  })
  .superRefine((u, ctx) => {
    const problem = passwordProblem(u.password, u.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });
export type NewUser = z.infer<typeof newUserSchema>;

export const userPatchSchema = z.strictObject({
  displayName: displayName.optional(),
  role: roleSchema.optional(),
  branchId: referenceIdSchema.nullable().optional(),
  teamId: referenceIdSchema.nullable().optional(),
  jobNumber: jobNumber.nullable().optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UserPatch = z.infer<typeof userPatchSchema>;

export const branchSchema = z.strictObject({ id: referenceIdSchema, name: nameSchema, nameEn: nameSchema.nullable().optional() });
export type NewBranch = z.infer<typeof branchSchema>;
export const branchPatchSchema = z.strictObject({
  name: nameSchema.optional(),
  nameEn: nameSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type BranchPatch = z.infer<typeof branchPatchSchema>;

export const teamSchema = z.strictObject({
  id: referenceIdSchema,
  branchId: referenceIdSchema,
  name: nameSchema,
  leadId: referenceIdSchema.nullable().optional(),
});
export type NewTeam = z.infer<typeof teamSchema>;
export const teamPatchSchema = z.strictObject({
  name: nameSchema.optional(),
  leadId: referenceIdSchema.nullable().optional(),
  disabled: z.boolean().optional(),
});
export type TeamPatch = z.infer<typeof teamPatchSchema>;

const scenarioSchema = z.enum(['opening', 'A', 'B', 'C', 'closing', 'other']);
export const scriptSchema = z.strictObject({
  id: referenceIdSchema.optional(),
  language: z.enum(['zh-CN', 'en']),
  scenario: scenarioSchema,
  category: categorySchema.nullable().optional(),
  title: nameSchema,
  text: plainText({ max: 2000, trim: true, multiline: true }),
  sort: z.number().int().min(0).max(100_000).optional(),
  /** Who reads it: agents soothing at intake (default) or leads calling back (二解). */
  audience: z.enum(['agent', 'lead']).optional(),
});
export type NewScript = z.infer<typeof scriptSchema>;
export const scriptPatchSchema = scriptSchema.omit({ id: true }).partial().extend({ disabled: z.boolean().optional() });
export type ScriptPatch = z.infer<typeof scriptPatchSchema>;
