/** Whether this chain's deployment has the Rewards and Badges contracts (ponder.config.ts registers them then). */
import { deployment } from "../../lib/chain.ts";

const { contracts } = deployment();
export const rewardsDeployed = Boolean(contracts.Rewards && contracts.Badges);
