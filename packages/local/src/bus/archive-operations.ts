/** CreateArchive, DescribeArchive, ListArchives, StartReplay, DescribeReplay, ListReplays over the JSON protocol. */
import type { Archive, Archives, Replay } from './archive.ts';
import { missingParameter, validationError } from './errors.ts';
import type { Input, Operation } from './operations.ts';
import { type BusRegistry, busNameOf } from './registry.ts';

const seconds = (d: Date) => d.getTime() / 1000;

function str(input: Input, key: string, required: true): string;
function str(input: Input, key: string, required?: false): string | undefined;
function str(input: Input, key: string, required = false): string | undefined {
  const v = input[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(key.charAt(0).toLowerCase() + key.slice(1));
    return undefined;
  }
  if (typeof v !== 'string') throw validationError(`Parameter ${key} must be a string.`);
  return v;
}

function time(input: Input, key: string): Date {
  const v = input[key];
  if (typeof v !== 'number' && typeof v !== 'string') throw missingParameter(key.charAt(0).toLowerCase() + key.slice(1));
  const d = typeof v === 'number' ? new Date(v * 1000) : new Date(v);
  if (Number.isNaN(d.getTime())) throw validationError(`Parameter ${key} is not a timestamp.`);
  return d;
}

const archiveView = (a: Archive) => ({
  ArchiveName: a.name,
  ArchiveArn: a.arn,
  EventSourceArn: a.eventSourceArn,
  ...(a.eventPattern ? { EventPattern: a.eventPattern } : {}),
  State: 'ENABLED',
  RetentionDays: a.retentionDays,
  EventCount: a.events.length,
  SizeBytes: a.events.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e.event)), 0),
  CreationTime: seconds(a.createdAt),
});

const replayView = (r: Replay) => ({
  ReplayName: r.name,
  ReplayArn: r.arn,
  EventSourceArn: r.archive.arn,
  Destination: { Arn: r.destinationArn, ...(r.filterArns ? { FilterArns: r.filterArns } : {}) },
  State: r.state,
  ...(r.stateReason ? { StateReason: r.stateReason } : {}),
  EventStartTime: seconds(r.eventStartTime),
  EventEndTime: seconds(r.eventEndTime),
  ReplayStartTime: seconds(r.replayStartTime),
  ...(r.replayEndTime ? { ReplayEndTime: seconds(r.replayEndTime) } : {}),
  ...(r.eventLastReplayedTime ? { EventLastReplayedTime: seconds(r.eventLastReplayedTime) } : {}),
});

export function archiveOperations(registry: BusRegistry, archives: Archives, run: (replay: Replay) => void): Record<string, Operation> {
  return {
    CreateArchive: (input) => {
      const source = str(input, 'EventSourceArn', true);
      const bus = registry.bus(busNameOf(source));
      const pattern = str(input, 'EventPattern');
      const retention = input.RetentionDays;
      const a = archives.create({
        name: str(input, 'ArchiveName', true),
        eventSourceArn: bus.arn,
        eventBusName: bus.name,
        ...(pattern ? { eventPattern: pattern } : {}),
        ...(typeof retention === 'number' ? { retentionDays: retention } : {}),
      });
      return { ArchiveArn: a.arn, State: 'ENABLED', CreationTime: seconds(a.createdAt) };
    },
    DescribeArchive: (input) => archiveView(archives.get(str(input, 'ArchiveName', true))),
    ListArchives: () => ({ Archives: archives.all().map(archiveView) }),
    StartReplay: (input) => {
      const archive = archives.get(str(input, 'EventSourceArn', true));
      const destination = (input.Destination ?? {}) as Input;
      const destinationArn = str(destination, 'Arn', true);
      if (busNameOf(destinationArn) !== archive.eventBusName) {
        throw validationError('Events can only be replayed to the event bus the archive was created for.');
      }
      const filterArns = Array.isArray(destination.FilterArns)
        ? destination.FilterArns.filter((a): a is string => typeof a === 'string')
        : undefined;
      const replay = archives.startReplay({
        name: str(input, 'ReplayName', true),
        archive,
        destinationArn,
        ...(filterArns ? { filterArns } : {}),
        from: time(input, 'EventStartTime'),
        to: time(input, 'EventEndTime'),
      });
      run(replay);
      return { ReplayArn: replay.arn, State: replay.state, ReplayStartTime: seconds(replay.replayStartTime) };
    },
    DescribeReplay: (input) => replayView(archives.replay(str(input, 'ReplayName', true))),
    ListReplays: (input) => {
      const prefix = str(input, 'NamePrefix') ?? '';
      return {
        Replays: archives
          .allReplays()
          .filter((r) => r.name.startsWith(prefix))
          .map(replayView),
      };
    },
  };
}
