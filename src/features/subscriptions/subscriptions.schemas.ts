import { z } from 'zod';

const MAX_EMAIL_LENGTH = 254;

/** An email address as typed in the subscribe form: trimmed, checked, and lower-cased so each address is stored once. */
export const SubscriberEmailSchema = z
  .string({ error: 'Enter your email address, such as name@example.com.' })
  .trim()
  .min(1, { error: 'Enter your email address, such as name@example.com.' })
  .max(MAX_EMAIL_LENGTH, { error: `That email address is longer than ${MAX_EMAIL_LENGTH} characters; check it and try again.` })
  .pipe(z.email({ error: 'That does not look like an email address; enter one such as name@example.com.' }))
  .transform((email) => email.toLowerCase());

/** What a subscription follows: one assessment (role × seniority) or a whole category. */
export type SubscriptionTarget = { kind: 'assessment'; roleSlug: string; seniority: string } | { kind: 'category'; categorySlug: string };
