import { checkDeployments, type DeploymentConfig } from '../lib/config.ts';
import { demoGlobal } from './demo-global.ts';
import { hubeiCn } from './hubei-cn.ts';

/** Every deployment of the suite; `cdk.json`'s context value `deployment` picks one by id. */
export const deployments: readonly DeploymentConfig[] = checkDeployments([hubeiCn, demoGlobal]);

export function deploymentById(id: string): DeploymentConfig {
  const found = deployments.find((d) => d.id === id);
  if (!found) throw new Error(`unknown deployment "${id}"; known: ${deployments.map((d) => d.id).join(', ')}`);
  return found;
}
