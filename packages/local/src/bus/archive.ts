/**
 * Archives and replays, as EventBridge has them: an archive keeps the events a bus accepted (optionally those
 * matching a pattern) for its retention; a replay sends the archived events of a time window (by the event's `time`)
 * back to the rules of that bus — only to the rules named in `Destination.FilterArns` when given — with a
 * `replay-name` field added to each replayed event, which rules can match on ("Archiving and replaying events in
 * Amazon EventBridge"). Replayed events are not archived again.
 */
import { compileEventPattern } from './registry.ts';
import { notFound, validationError } from './errors.ts';
import type { BusEvent } from './model.ts';

export interface Archive {
  name: string;
  arn: string;
  eventSourceArn: string;
  eventBusName: string;
  eventPattern?: string;
  matcher?: (event: BusEvent) => boolean;
  retentionDays: number;
  createdAt: Date;
  events: { event: BusEvent; ingestedAt: Date }[];
}

export type ReplayState = 'STARTING' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface Replay {
  name: string;
  arn: string;
  archive: Archive;
  destinationArn: string;
  filterArns?: string[];
  eventStartTime: Date;
  eventEndTime: Date;
  state: ReplayState;
  stateReason?: string;
  replayStartTime: Date;
  replayEndTime?: Date;
  eventLastReplayedTime?: Date;
}

export class Archives {
  private readonly archives = new Map<string, Archive>();
  private readonly replays = new Map<string, Replay>();

  constructor(private readonly arnOf: (resource: string) => string) {}

  create(input: { name: string; eventSourceArn: string; eventBusName: string; eventPattern?: string; retentionDays?: number }): Archive {
    if (this.archives.has(input.name)) throw validationError(`Archive ${input.name} already exists.`);
    const archive: Archive = {
      name: input.name,
      arn: this.arnOf(`archive/${input.name}`),
      eventSourceArn: input.eventSourceArn,
      eventBusName: input.eventBusName,
      ...(input.eventPattern ? { eventPattern: input.eventPattern, matcher: compileEventPattern(input.eventPattern) } : {}),
      retentionDays: input.retentionDays ?? 0,
      createdAt: new Date(),
      events: [],
    };
    this.archives.set(archive.name, archive);
    return archive;
  }

  get(nameOrArn: string): Archive {
    const name = /^arn:[^:]+:events:[^:]*:[^:]*:archive\/(.+)$/.exec(nameOrArn)?.[1] ?? nameOrArn;
    const archive = this.archives.get(name);
    if (!archive) throw notFound(`Archive ${name} does not exist.`);
    return archive;
  }

  all(): Archive[] {
    return [...this.archives.values()];
  }

  /** Keeps an accepted event in every archive of its bus that wants it (never a replayed one). */
  record(eventBusName: string, event: BusEvent, ingestedAt: Date): void {
    if ('replay-name' in event) return;
    for (const a of this.archives.values()) {
      if (a.eventBusName !== eventBusName || (a.matcher && !a.matcher(event))) continue;
      a.events.push({ event: structuredClone(event), ingestedAt });
      if (a.retentionDays > 0) {
        const horizon = ingestedAt.getTime() - a.retentionDays * 86_400_000;
        while (a.events.length && a.events[0]!.ingestedAt.getTime() < horizon) a.events.shift();
      }
    }
  }

  startReplay(input: { name: string; archive: Archive; destinationArn: string; filterArns?: string[]; from: Date; to: Date }): Replay {
    if (this.replays.has(input.name)) throw validationError(`Replay ${input.name} already exists.`);
    if (!(input.from < input.to)) throw validationError('EventStartTime must be before EventEndTime.');
    const replay: Replay = {
      name: input.name,
      arn: this.arnOf(`replay/${input.name}`),
      archive: input.archive,
      destinationArn: input.destinationArn,
      ...(input.filterArns?.length ? { filterArns: input.filterArns } : {}),
      eventStartTime: input.from,
      eventEndTime: input.to,
      state: 'STARTING',
      replayStartTime: new Date(),
    };
    this.replays.set(replay.name, replay);
    return replay;
  }

  replay(name: string): Replay {
    const r = this.replays.get(name);
    if (!r) throw notFound(`Replay ${name} does not exist.`);
    return r;
  }

  allReplays(): Replay[] {
    return [...this.replays.values()];
  }

  /** The archived events a replay sends, oldest first, each with `replay-name` added. */
  eventsFor(replay: Replay): BusEvent[] {
    return replay.archive.events
      .map((e) => e.event)
      .filter((e) => {
        const t = Date.parse(e.time);
        return t >= replay.eventStartTime.getTime() && t < replay.eventEndTime.getTime();
      })
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time))
      .map((e) => ({ ...structuredClone(e), 'replay-name': replay.name }) as BusEvent);
  }

  clear(): void {
    for (const a of this.archives.values()) a.events.length = 0;
    this.replays.clear();
  }
}
