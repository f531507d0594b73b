/**
 * PutEvents request checks and the event EventBridge builds from each entry.
 *
 * The request as a whole is refused (ValidationException) when it carries no entries or more than 10, or when its
 * entries together exceed 256 KB, counted as "Calculating Amazon EventBridge PutEvents event entry size" says:
 * 14 bytes for a Time, plus the UTF-8 bytes of Source, DetailType, Detail and each Resources entry. A malformed
 * entry fails on its own, with an ErrorCode and ErrorMessage in its slot of the response, and the others go through.
 */
import { randomUUID } from 'node:crypto';
import { validationError } from './errors.ts';
import type { BusEvent } from './model.ts';

export const MAX_ENTRIES = 10;
export const MAX_REQUEST_BYTES = 256 * 1024;

export interface EntryFailure {
  ErrorCode: string;
  ErrorMessage: string;
}

export interface AcceptedEntry {
  eventBusName: string | undefined;
  event: BusEvent;
}

/** The fields of a PutEventsRequestEntry, unchecked: they come straight from the request body. */
type RawEntry = Partial<Record<'Source' | 'DetailType' | 'Detail' | 'Resources' | 'Time' | 'EventBusName', unknown>>;

const utf8Bytes = (value: unknown): number => (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : 0);

export function entrySize(entry: RawEntry): number {
  const resources = Array.isArray(entry.Resources) ? entry.Resources : [];
  return (
    (entry.Time === undefined ? 0 : 14) +
    utf8Bytes(entry.Source) +
    utf8Bytes(entry.DetailType) +
    utf8Bytes(entry.Detail) +
    resources.reduce<number>((sum, r) => sum + utf8Bytes(r), 0)
  );
}

/** Checks the request as a whole and returns its entries. */
export function requestEntries(entries: unknown): RawEntry[] {
  if (!Array.isArray(entries) || entries.length < 1) {
    throw validationError(
      "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > MAX_ENTRIES) {
    throw validationError(
      `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ENTRIES}`,
    );
  }
  const raw = entries.map((e): RawEntry => (typeof e === 'object' && e !== null ? (e as RawEntry) : {}));
  const total = raw.reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total > MAX_REQUEST_BYTES) throw validationError('Total size of the entries in the request is over the limit.');
  return raw;
}

const invalidArgument = (parameter: string, reason: string): EntryFailure => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${parameter} is not valid. Reason: ${reason}`,
});

/** Builds the event for one entry, or says why the entry fails. */
export function readEntry(entry: RawEntry, origin: { account: string; region: string; now: Date }): AcceptedEntry | EntryFailure {
  const { Source: source, DetailType: detailType, Detail: detailText } = entry;
  if (typeof source !== 'string' || source === '') return invalidArgument('Source', 'Source is a required argument.');
  if (typeof detailType !== 'string' || detailType === '') {
    return invalidArgument('DetailType', 'DetailType is a required argument.');
  }
  if (typeof detailText !== 'string' || detailText === '') {
    return invalidArgument('Detail', 'Detail is a required argument.');
  }
  const detail = parseObject(detailText);
  if (detail === undefined) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  // Only AWS services may publish events whose source starts with "aws.".
  if (source.startsWith('aws.')) {
    return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  }
  const resources = entry.Resources ?? [];
  if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'string')) {
    return invalidArgument('Resources', 'Resources must be a list of strings.');
  }
  const time = eventTime(entry.Time, origin.now);
  if (time === undefined) return invalidArgument('Time', 'Time is not a valid timestamp.');
  if (entry.EventBusName !== undefined && typeof entry.EventBusName !== 'string') {
    return invalidArgument('EventBusName', 'EventBusName must be a string.');
  }
  return {
    eventBusName: entry.EventBusName,
    event: {
      version: '0',
      id: randomUUID(),
      'detail-type': detailType,
      source,
      account: origin.account,
      time,
      region: origin.region,
      resources: resources as string[],
      detail,
    },
  };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** EventBridge writes event times to the second: `2017-12-22T18:43:48Z`. The SDK sends Time as epoch seconds. */
function eventTime(time: unknown, now: Date): string | undefined {
  const date =
    time === undefined ? now : typeof time === 'number' ? new Date(time * 1000) : typeof time === 'string' ? new Date(time) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) return undefined;
  return `${date.toISOString().slice(0, 19)}Z`;
}
