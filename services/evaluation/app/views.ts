import * as z from 'zod';
import { once } from '@cocreate/contracts';

/** A calendar year as routes take it (assessments, village reviews, participation). */
export const Year = once(() => z.coerce.number().int().min(2000).max(2100));
