/**
 * A bare JSON-RPC client for the generator: many calls in one HTTP request (a batch), so sending
 * thousands of transactions costs a few round trips instead of one each.
 */
import type { Address, Hex } from "viem";

export type Call = { method: string; params: unknown[] };

/** A transaction for the node to sign with an unlocked (impersonated) account. */
export type Tx = {
  from: Address;
  to: Address;
  data: Hex;
  value?: bigint;
  gas: bigint;
  label: string;
  /** Reads what the mined transaction emitted (new addresses and ids). */
  onLogs?: (logs: { address: Address; topics: Hex[]; data: Hex }[]) => void;
};

export class Rpc {
  private id = 0;
  constructor(readonly url: string) {}

  /** Sends `calls` in batches of `size`; results in order, or throws on the first error. */
  async batch<T = unknown>(calls: Call[], size = 500): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < calls.length; i += size) {
      const chunk = calls.slice(i, i + size).map((c) => ({ jsonrpc: "2.0", id: ++this.id, ...c }));
      const res = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(chunk),
      });
      if (!res.ok) throw new Error(`RPC ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { id: number; result?: T; error?: { message: string } }[];
      const byId = new Map(body.map((r) => [r.id, r]));
      for (const c of chunk) {
        const r = byId.get(c.id);
        if (!r || r.error) throw new Error(`${c.method} failed: ${r?.error?.message ?? "no answer"}`);
        out.push(r.result as T);
      }
    }
    return out;
  }

  async call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    return (await this.batch<T>([{ method, params }]))[0]!;
  }

  /** Queues `txs` in the node's mempool (automine off) and returns their hashes. */
  send(txs: Tx[]): Promise<Hex[]> {
    return this.batch<Hex>(
      txs.map((t) => ({
        method: "eth_sendTransaction",
        params: [
          {
            from: t.from,
            to: t.to,
            data: t.data,
            value: `0x${(t.value ?? 0n).toString(16)}`,
            gas: `0x${t.gas.toString(16)}`,
            // Base fee held at zero (see node.ts): a zero price keeps every tx minable and balances exact.
            gasPrice: "0x0",
          },
        ],
      })),
    );
  }
}
