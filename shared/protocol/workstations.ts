import { z } from 'zod';
import { referenceIdSchema } from './plain-text';

/** `POST /api/workstations`: a workstation asks for its code for complaint numbers in a branch. */
export const workstationRegistrationSchema = z.strictObject({
  /** The id the workstation generated for itself on first run (a UUID). */
  workstationId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, '8–100 letters, digits, . _ : -'),
  /** Only for roles that see every branch; others register in their own branch. */
  branchId: referenceIdSchema.optional(),
});
export type WorkstationRegistration = z.infer<typeof workstationRegistrationSchema>;

/** The answer: the code, unique in the branch and the same on every call for one workstation id. */
export const workstationCodeAnswerSchema = z.object({
  workstationId: z.string(),
  branchId: z.string(),
  code: z.string(),
});
export type WorkstationCodeAnswer = z.infer<typeof workstationCodeAnswerSchema>;
