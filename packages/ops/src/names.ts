/**
 * The names a deployment's resources carry (infra: `busName`, the archive `cocreate-<id>-all`, the platform's SSM
 * parameters under `/cocreate/<id>/platform/`, stacks `cocreate-<id>-<part>`; the kernel's `resourceNames` for
 * tables, functions and rules). The local stack's bus is `cocreate-local`.
 */
export interface DeploymentNames {
  bus: string;
  archive: string;
  parameterPath: string;
  stack: (part: string) => string;
}

export function deploymentNames(id: string): DeploymentNames {
  const bus = id === 'local' ? 'cocreate-local' : `cocreate-${id}`;
  return {
    bus,
    archive: `${bus}-all`,
    parameterPath: `/cocreate/${id}/platform/`,
    stack: (part) => `cocreate-${id}-${part}`,
  };
}
