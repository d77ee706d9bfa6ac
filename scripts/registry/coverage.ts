import type { GeneratedRegistry } from './generate';

/** The protocol an entry belongs to: its id's first segment (`erc7730.<entity>` for descriptors). */
function protocolOf(id: string): string {
  const [head = id, second = ''] = id.split(/[.@]/);
  return head === 'erc7730' ? `erc7730.${second}` : head;
}

/** A Markdown table: protocol, contracts, distinct chains, (chain, address) bindings. */
export function coverageTable(registry: GeneratedRegistry): string {
  const rows = new Map<string, { contracts: string[]; chains: Set<number>; bindings: number }>();
  for (const contract of registry.contracts) {
    const key = protocolOf(contract.id);
    const row = rows.get(key) ?? { contracts: [], chains: new Set<number>(), bindings: 0 };
    row.contracts.push(contract.id);
    for (const [, chainIds] of contract.deployments) {
      for (const chainId of chainIds) row.chains.add(chainId);
      row.bindings += chainIds.length;
    }
    rows.set(key, row);
  }
  const lines = [
    '| protocol | contracts | chains | bindings |',
    '|---|---|---:|---:|',
    ...[...rows]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(
        ([key, row]) =>
          `| ${key} | ${row.contracts.length <= 4 ? row.contracts.map((id) => `\`${id}\``).join(', ') : `${row.contracts.length} contracts`} | ${row.chains.size} | ${row.bindings} |`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}
