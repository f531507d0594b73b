import * as z from 'zod';
import { once, Id, PersonId, PlacePath } from '@cocreate/contracts';
import { defineRoute, pageQuery } from '@cocreate/kernel';
import {
  activityOf,
  activityVillage,
  cancelSignUp,
  checkInTo,
  checkOutOf,
  closeIt,
  codesOf,
  listActivities,
  publishActivity,
  rosterOf,
  signUpFor,
} from '../app/activities.ts';
import { Activity, PublishActivity, SeatStatus } from '../domain/activities.ts';

/** 志愿服务、互助活动: publish, sign up (waiting list), check in/out (organiser or signed code), close, public roster. */

/** Everyone who lives in a village and may volunteer (the use case checks they are registered there). */
const VOLUNTEERS = [
  'resident',
  'household-head',
  'owner',
  'party-member',
  'representative',
  'cadre',
  'council-member',
  'grid-worker',
  'supervisor',
  'treasurer',
  'inspector',
] as const;

/** Who may organise: cadres, and the associations (一约四会) through their council members. */
const ORGANISERS = ['cadre', 'council-member'] as const;

const ofActivity = ({ params }: { params: { activityId: string } }, ctx: Parameters<typeof activityVillage>[1]) =>
  activityVillage(params.activityId, ctx);

const Totals = once(() =>
  z.object({
    attended: z.number().int(),
    noShows: z.number().int(),
    minutes: z.number().int(),
    hours: z.number(),
    points: z.number().int(),
  }),
);

const SeatAnswer = once(() =>
  z.object({
    activityId: Id,
    person: PersonId,
    status: SeatStatus(),
    /** Place on the waiting list (1 = next to be promoted). */
    position: z.number().int().positive().optional(),
  }),
);

/** With `code`, the caller checks themselves (scanned at the door); without, the organiser names `person`. */
const Attendance = once(() =>
  z
    .object({
      person: PersonId.optional(),
      code: z.string().min(1).max(100).optional(),
    })
    .strict(),
);

const Params = once(() => z.object({ activityId: Id }));

export const publishActivityRoute = defineRoute({
  method: 'POST',
  path: '/rewards/activities',
  operationId: 'publishVolunteerActivity',
  summary: 'Publish a volunteer or mutual-aid activity (四点半课堂, 爱心食堂, 互助组, 清洁日): time, place, places, points per hour',
  auth: { roles: [...ORGANISERS], place: ({ body }) => body.village },
  body: () => PublishActivity(),
  response: () => Activity(),
  status: 201,
  idempotent: true,
  handler: ({ body }, ctx) => publishActivity(body, ctx),
});

export const listActivitiesRoute = defineRoute({
  method: 'GET',
  path: '/rewards/activities',
  operationId: 'listVolunteerActivities',
  summary: 'A village’s volunteer activities, latest start first (public notices; a township or county is refused)',
  auth: { public: true },
  query: () => z.object({ village: PlacePath, ...pageQuery() }),
  response: () => z.object({ items: z.array(Activity()), cursor: z.string().optional() }),
  handler: ({ query }, ctx) => listActivities(query, ctx),
});

export const getActivityRoute = defineRoute({
  method: 'GET',
  path: '/rewards/activities/{activityId}',
  operationId: 'getVolunteerActivity',
  summary: 'A volunteer activity with its places, waiting list and attendance totals (public)',
  auth: { public: true },
  params: () => Params(),
  response: () => Activity().extend({ totals: Totals() }),
  handler: ({ params }, ctx) => activityOf(params.activityId, ctx),
});

export const signUpRoute = defineRoute({
  method: 'POST',
  path: '/rewards/activities/{activityId}/sign-ups',
  operationId: 'signUpForActivity',
  summary: 'A resident of the village signs up: a place while one is free, else the waiting list (候补)',
  auth: { roles: [...VOLUNTEERS], place: ofActivity },
  params: () => Params(),
  response: () => SeatAnswer(),
  status: 201,
  idempotent: true,
  handler: ({ params }, ctx) => signUpFor(params.activityId, ctx),
});

export const cancelSignUpRoute = defineRoute({
  method: 'POST',
  path: '/rewards/activities/{activityId}/sign-ups/{person}/cancellation',
  operationId: 'cancelActivitySignUp',
  summary: 'Cancel a sign-up (the resident, or the organiser for them); a freed place goes to the first on the waiting list',
  auth: { roles: [...VOLUNTEERS], place: ofActivity },
  params: () => z.object({ activityId: Id, person: PersonId }),
  response: () => SeatAnswer().extend({ promoted: z.boolean() }),
  idempotent: true,
  handler: ({ params }, ctx) => cancelSignUp(params.activityId, params.person, ctx),
});

export const checkInRoute = defineRoute({
  method: 'POST',
  path: '/rewards/activities/{activityId}/check-ins',
  operationId: 'checkInToActivity',
  summary: 'Check in: the organiser names a person, or a resident sends the activity’s scanned check-in code',
  auth: { roles: [...VOLUNTEERS], place: ofActivity },
  params: () => Params(),
  body: () => Attendance(),
  response: () => SeatAnswer(),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => checkInTo(params.activityId, body, ctx),
});

export const checkOutRoute = defineRoute({
  method: 'POST',
  path: '/rewards/activities/{activityId}/check-outs',
  operationId: 'checkOutOfActivity',
  summary: 'Check out (organiser or the scanned check-out code): minutes served, points credited once through the ledger',
  auth: { roles: [...VOLUNTEERS], place: ofActivity },
  params: () => Params(),
  body: () => Attendance(),
  response: () => SeatAnswer().extend({ minutes: z.number().int(), points: z.number().int() }),
  status: 201,
  idempotent: true,
  handler: ({ params, body }, ctx) => checkOutOf(params.activityId, body, ctx),
});

export const codesRoute = defineRoute({
  method: 'GET',
  path: '/rewards/activities/{activityId}/codes',
  operationId: 'getActivityCodes',
  summary: 'The activity’s signed check-in and check-out codes to show as QR codes (organiser or a cadre of the village)',
  auth: { roles: [...ORGANISERS], place: ofActivity },
  params: () => Params(),
  response: () => z.object({ activityId: Id, checkIn: z.string(), checkOut: z.string() }),
  handler: ({ params }, ctx) => codesOf(params.activityId, ctx),
});

export const closeActivityRoute = defineRoute({
  method: 'POST',
  path: '/rewards/activities/{activityId}/closure',
  operationId: 'closeVolunteerActivity',
  summary: 'Close after the end: places never checked in are no-shows; those still in are checked out at the end and credited',
  auth: { roles: [...ORGANISERS], place: ofActivity },
  params: () => Params(),
  response: () => Activity().extend({ totals: Totals() }),
  idempotent: true,
  handler: ({ params }, ctx) => closeIt(params.activityId, ctx),
});

export const rosterRoute = defineRoute({
  method: 'GET',
  path: '/rewards/activities/{activityId}/roster',
  operationId: 'getActivityRoster',
  summary: 'The public roster (公示): each sign-up’s opaque id, masked name, status, hours and points; totals',
  auth: { public: true },
  params: () => Params(),
  query: () => z.object(pageQuery({ max: 200, fallback: 100 })),
  response: () =>
    z.object({
      activity: Activity(),
      totals: Totals(),
      items: z.array(
        z.object({
          /** Opaque id of the sign-up (never the person id). */
          ref: z.string(),
          /** Masked (张*明). */
          name: z.string(),
          status: SeatStatus(),
          waitingOrder: z.number().int().optional(),
          minutes: z.number().int().optional(),
          hours: z.number().optional(),
          points: z.number().int().optional(),
        }),
      ),
      cursor: z.string().optional(),
    }),
  handler: ({ params, query }, ctx) => rosterOf(params.activityId, query, ctx),
});

export const activityRoutes = [
  publishActivityRoute,
  listActivitiesRoute,
  getActivityRoute,
  signUpRoute,
  cancelSignUpRoute,
  checkInRoute,
  checkOutRoute,
  codesRoute,
  closeActivityRoute,
  rosterRoute,
];
