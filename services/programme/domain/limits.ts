/** Villages one batch may name: its memberships are written with it in one transaction (DynamoDB holds 100). */
export const MAX_BATCH_VILLAGES = 80;

/** Items a supervision visit may list (one record). */
export const MAX_VISIT_ITEMS = 50;
