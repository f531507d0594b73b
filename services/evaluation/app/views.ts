import * as z from 'zod';

/** A calendar year as routes take it (assessments, village reviews, participation). */
export const Year = z.coerce.number().int().min(2000).max(2100);
