import { z } from 'zod';
import { roleSchema } from '../roles';

/** `POST /api/auth/login`'s body. */
export const loginRequestSchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** A user as the login answer and `/api/auth/me` describe them. */
export const wireUserSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string(),
  role: z.string(),
  branchId: z.string().nullable(),
  teamId: z.string().nullable(),
  jobNumber: z.string().nullable().optional(),
});
export type WireUser = z.infer<typeof wireUserSchema>;

export const loginAnswerSchema = z.object({
  token: z.string().min(1),
  expiresAt: z.string(),
  user: wireUserSchema,
  /** Changes whenever an admin changes the account (password, role, disabling): an offline sign-in checks it. */
  credentialsVersion: z.string().optional(),
});
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

/** The signed-in person on a workstation: a working role, and '' for the branch of roles that see every branch. */
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  branchId: z.string(),
  teamId: z.string().nullable(),
  jobNumber: z.string().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;
