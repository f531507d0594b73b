/**
 * Decides whether a flattened event satisfies a compiled pattern.
 *
 * A pattern matches when every condition is met by some value of its field ("the event must contain all the
 * field names listed in the pattern"; a field matches if any of its values — an array in the event counts value
 * by value — matches any listed value), one branch of every `$or` holds, and all the values used come from the
 * same element of any array they share (Ruler's array-consistent matching: `{"employees":{"first":["Anna"],
 * "last":["Jones"]}}` does not match Anna Smith and Peter Jones). `{"exists": false}` is satisfied when no value
 * of the field lies in those same array elements; it is checked last, against everything else chosen.
 */
import { consistent, extend, type FlatEvent, type Membership } from './flatten.ts';
import type { Condition, Conjunction } from './rule.ts';

/** Work still to do: a persistent list, so alternatives can share their common tail. */
type Agenda = { readonly head: Condition | readonly Conjunction[]; readonly tail: Agenda } | null;
type Absences = { readonly path: string; readonly tail: Absences } | null;

function push(conjunction: Conjunction, agenda: Agenda): Agenda {
  let result = agenda;
  for (const group of conjunction.anyOf) result = { head: group, tail: result };
  for (let i = conjunction.conditions.length - 1; i >= 0; i--) {
    const condition = conjunction.conditions[i];
    if (condition !== undefined) result = { head: condition, tail: result };
  }
  return result;
}

/**
 * The common case, an event without arrays: every value is consistent with every other, so each condition holds
 * or fails on its own — no search needed. Same answers as {@link matchesFlat} for such events.
 */
export function matchesWithoutArrays(rule: Conjunction, event: FlatEvent): boolean {
  for (const c of rule.conditions) {
    const fields = event.get(c.path);
    if (fields?.length) {
      if (!fields.some((f) => c.test(f.value))) return false;
    } else if (!c.matchesAbsent) {
      return false;
    }
  }
  return rule.anyOf.every((group) => group.some((branch) => matchesWithoutArrays(branch, event)));
}

export function matchesFlat(rule: Conjunction, event: FlatEvent): boolean {
  const absentEverywhere = (absences: Absences, chosen: Membership): boolean => {
    for (let a = absences; a !== null; a = a.tail) {
      if ((event.get(a.path) ?? []).some((f) => consistent(chosen, f.membership))) return false;
    }
    return true;
  };

  const solve = (agenda: Agenda, chosen: Membership, absences: Absences): boolean => {
    if (agenda === null) return absentEverywhere(absences, chosen);
    const { head, tail } = agenda;
    if (isGroup(head)) return head.some((branch) => solve(push(branch, tail), chosen, absences));

    let triedWithoutNewConstraint = false;
    for (const field of event.get(head.path) ?? []) {
      if (!consistent(chosen, field.membership) || !head.test(field.value)) continue;
      const next = extend(chosen, field.membership);
      // Values that add no array constraint all lead to the same sub-problem: solve it once.
      if (next === undefined) {
        if (triedWithoutNewConstraint) continue;
        triedWithoutNewConstraint = true;
      }
      if (solve(tail, next ?? chosen, absences)) return true;
    }
    return head.matchesAbsent && solve(tail, chosen, { path: head.path, tail: absences });
  };

  return solve(push(rule, null), new Map(), null);
}

function isGroup(item: Condition | readonly Conjunction[]): item is readonly Conjunction[] {
  return Array.isArray(item);
}
