import { CompactAdopted, CompactAmended } from '@cocreate/contracts';
import type { UnitOfWork } from '@cocreate/kernel';
import { type Compact, type CompactVersion, diffArticles, versionInForce } from '../domain/compacts.ts';
import { compacts } from '../store.ts';

/**
 * Writes an adopted version and announces it: CompactAdopted for every version that comes into force, and
 * CompactAmended as well when it replaces an earlier adopted version. Shared by the DecisionFinal consumer and the
 * submission of a draft whose decision was parked.
 */
export function recordAdoption(
  tx: UnitOfWork,
  compact: Compact,
  versions: readonly CompactVersion[],
  adopted: CompactVersion,
  expectedRevision: number,
): CompactVersion {
  const saved: CompactVersion = { ...adopted, revision: expectedRevision + 1 };
  compacts.saveVersion(tx, saved, expectedRevision, 'retry');
  const inForceFrom = saved.inForceFrom!;
  const proposalId = saved.proposalId!;
  tx.emit(
    CompactAdopted,
    {
      compactId: compact.compactId,
      village: compact.village,
      version: saved.version,
      title: saved.title,
      kind: compact.kind,
      inForceFrom,
      proposalId,
    },
    { place: compact.village },
  );
  // The version it replaces: the one in force on its first day among the others already adopted.
  const others = versions.filter((v) => v.version !== saved.version);
  const replaced = versionInForce(others, inForceFrom);
  if (replaced) {
    tx.emit(
      CompactAmended,
      {
        compactId: compact.compactId,
        village: compact.village,
        kind: compact.kind,
        fromVersion: replaced.version,
        toVersion: saved.version,
        inForceFrom,
        proposalId,
        articles: diffArticles(replaced.articles, saved.articles),
      },
      { place: compact.village },
    );
  }
  return saved;
}
