import { z } from 'zod';
import { newPasswordField } from '../auth/routes.ts';
import { membershipsInput } from './membership-input.ts';
import { userSummary } from './user-summary.ts';

/** Any string: a malformed id is answered 404 by the handler, exactly like an unknown one. */
export const userIdParams = z.object({ id: z.string().max(100) });

export const listUsersQuery = z.object({
  query: z.string().max(200).optional(),
  cursor: z.string().max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const userPage = z.object({
  items: z.array(userSummary),
  nextCursor: z.string().nullable(),
});

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email('admin.validation.email_invalid'));

const displayName = z.string().trim().min(1).max(200);
const language = z.enum(['it', 'en']);

export const createUserBody = z.object({
  email,
  displayName,
  password: newPasswordField,
  preferredLanguage: language.default('it'),
  memberships: membershipsInput,
});

export const updateUserBody = z.object({
  displayName: displayName.optional(),
  preferredLanguage: language.optional(),
});

export const membershipsBody = z.object({ memberships: membershipsInput });

export const passwordBody = z.object({ password: newPasswordField });
