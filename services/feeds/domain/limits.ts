/**
 * The feeds' numeric limits, in a module of their own: the refusal catalogue quotes them in its texts, and the
 * rules that import the catalogue must not be what it imports (a cycle would read them before they are set).
 */

/** The limit of subscriptions per agency: each is matched against every event in its jurisdiction. */
export const MAX_SUBSCRIPTIONS_PER_AGENCY = 20;
export const MAX_MEMBERS_PER_AGENCY = 200;

/** How long the log keeps an event (older windows are replayed from the EventBridge archive in AWS). */
export const LOG_RETENTION_DAYS = 90;

/** The longest window one replay covers. */
export const MAX_REPLAY_WINDOW_DAYS = 31;
