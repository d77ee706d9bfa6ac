/**
 * Bundles the known-malicious address set into src/lib/edge/facts/malicious.generated.json, from the
 * vendored copy of forta-network/labelled-datasets @ 40a9c2f (MIT) in scripts/facts/vendor/forta/.
 *
 * Kept, per (address, chain):
 * - `labels/1/etherscan_malicious_labels.csv`: every row; category from `data_source`
 *   (`etherscan-phish-hack-list` → `phish-hack`, `-exploit-list` → `exploit`, `-heist-list` → `heist`),
 *   label from `wallet_tag`.
 * - `labels/1/phishing_scams.csv`: every row; category `etherscan_labels` (all `phish-hack`), label
 *   `etherscan_tag`.
 * - `labels/{1,10}/malicious_smart_contracts.csv`: every row, category `malicious-contract`; label
 *   `contract_tag`, else `by <contract_creator_tag>`, else `notes`.
 * Dropped: rows whose tag or creator tag says "whitehat" (funds taken to be returned: Multichain
 * Exploiter 4 (Whitehat), RigoBlock Whitehat and the contracts the former deployed). Nothing else in
 * these files is labelled as benign.
 *
 * An address listed several times on one chain keeps one entry: the most specific category (exploit,
 * heist, phish-hack, malicious-contract, in that order), then a non-empty label, then the smallest
 * label, then the smallest source. Labels are whitespace-collapsed and cut to 48 characters, and
 * Etherscan's numbered `Fake_Phishing1234` tags lose their serial (`Fake_Phishing`).
 *
 * Output (deterministic): `addresses` (40 lower-case hex characters, no `0x`, sorted, then by chain)
 * and the parallel arrays `chain`, `category`, `source`, `label` of indexes into the tables
 * `chainIds`, `categories`, `sources`, `labels`.
 *
 * Run: `npm run registry:facts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, 'vendor/forta');
const output = join(here, '../../src/lib/edge/facts/malicious.generated.json');
const COMMIT = '40a9c2f';
const LABEL_MAX = 48;

/** Most specific first: ties between rows for one address go to the earlier category. */
/** Hex characters of each address kept in the bundle. */
const PREFIX_HEX = 16;

const CATEGORIES = ['exploit', 'heist', 'phish-hack', 'malicious-contract'] as const;
type Category = (typeof CATEGORIES)[number];

type Row = { address: string; chainId: number; category: Category; label: string; source: string };

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns records keyed by the header. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...body] = records.filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return body.map((r, n) => {
    if (r.length !== header.length)
      throw new Error(`row ${n + 2}: ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((name, k) => [name, r[k] ?? '']));
  });
}

function read(path: string): Record<string, string>[] {
  return parseCsv(readFileSync(join(vendor, path), 'utf8'));
}

function address(value: string | undefined, where: string): string {
  if (!value || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw new Error(`${where}: not an address: ${value}`);
  return value.slice(2).toLowerCase();
}

function label(...candidates: (string | undefined)[]): string {
  const text = (candidates.map((c) => (c ?? '').replace(/\s+/g, ' ').trim()).find((c) => c !== '') ?? '')
    // Etherscan's serial (Fake_Phishing1772) tells a user nothing and made the label table 90% of its size.
    .replace(/^Fake_Phishing\d+$/, 'Fake_Phishing');
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

const isWhitehat = (...tags: (string | undefined)[]) => tags.some((t) => /white\s*hat/i.test(t ?? ''));

function etherscanCategory(dataSource: string | undefined): Category {
  const category = /^etherscan-(.+)-list$/.exec(dataSource ?? '')?.[1];
  if (category === 'phish-hack' || category === 'exploit' || category === 'heist') return category;
  throw new Error(`unknown data_source: ${dataSource}`);
}

function collect(): { rows: Row[]; dropped: number } {
  const rows: Row[] = [];
  let dropped = 0;
  const push = (row: Row, ...tags: (string | undefined)[]) => {
    if (isWhitehat(...tags)) dropped++;
    else rows.push(row);
  };

  const etherscan = 'labels/1/etherscan_malicious_labels.csv';
  for (const r of read(etherscan))
    push(
      {
        address: address(r.banned_address, etherscan),
        chainId: 1,
        category: etherscanCategory(r.data_source),
        label: label(r.wallet_tag),
        source: `forta-labelled-datasets@${COMMIT}:${etherscan}`,
      },
      r.wallet_tag,
    );

  const phishing = 'labels/1/phishing_scams.csv';
  for (const r of read(phishing)) {
    if (r.etherscan_labels !== 'phish-hack')
      throw new Error(`${phishing}: unexpected label ${r.etherscan_labels}`);
    push(
      {
        address: address(r.address, phishing),
        chainId: 1,
        category: 'phish-hack',
        label: label(r.etherscan_tag),
        source: `forta-labelled-datasets@${COMMIT}:${phishing}`,
      },
      r.etherscan_tag,
    );
  }

  for (const chainId of [1, 10]) {
    const contracts = `labels/${chainId}/malicious_smart_contracts.csv`;
    for (const r of read(contracts))
      push(
        {
          address: address(r.contract_address, contracts),
          chainId,
          category: 'malicious-contract',
          label: label(r.contract_tag, r.contract_creator_tag ? `by ${r.contract_creator_tag}` : '', r.notes),
          source: `forta-labelled-datasets@${COMMIT}:${contracts}`,
        },
        r.contract_tag,
        r.contract_creator_tag,
      );
  }
  return { rows, dropped };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders the rows of one (address, chain): the kept one sorts first. */
function preference(a: Row, b: Row): number {
  return (
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
    Number(a.label === '') - Number(b.label === '') ||
    byText(a.label, b.label) ||
    byText(a.source, b.source)
  );
}

function build(): void {
  const { rows, dropped } = collect();
  const best = new Map<string, Row>();
  for (const row of rows) {
    const key = `${row.address}:${row.chainId}`;
    const kept = best.get(key);
    if (!kept || preference(row, kept) < 0) best.set(key, row);
  }
  const entries = [...best.values()].sort((a, b) => byText(a.address, b.address) || a.chainId - b.chainId);

  const chainIds = [...new Set(entries.map((e) => e.chainId))].sort((a, b) => a - b);
  const sources = [...new Set(entries.map((e) => e.source))].sort(byText);
  const labels = [...new Set(entries.map((e) => e.label))].sort(byText);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const data = {
    about: `Known-malicious addresses from forta-network/labelled-datasets @ ${COMMIT} (MIT). Generated by scripts/facts/build.ts; do not edit.`,
    chainIds,
    categories: CATEGORIES,
    sources,
    labels,
    // 8-byte address prefixes, concatenated: 16 hex characters each. Telling 7,402 addresses apart
    // needs far fewer bits, and an attacker cannot aim a new address at a listed prefix (2^64 work).
    prefixes: entries.map((e) => e.address.slice(0, PREFIX_HEX)).join(''),
    chain: entries.map((e) => chainIds.indexOf(e.chainId)),
    category: entries.map((e) => CATEGORIES.indexOf(e.category)),
    source: entries.map((e) => sources.indexOf(e.source)),
    label: entries.map((e) => labelIndex.get(e.label) ?? -1),
  };
  const text = `{\n${Object.entries(data)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',\n')}\n}\n`;
  writeFileSync(output, text);

  const counts = CATEGORIES.map((c) => `${c} ${entries.filter((e) => e.category === c).length}`);
  const perChain = chainIds.map((id) => `chain ${id}: ${entries.filter((e) => e.chainId === id).length}`);
  process.stdout.write(
    `${entries.length} entries from ${rows.length} rows (${dropped} whitehat rows dropped); ${counts.join(', ')}; ${perChain.join(', ')}; ${labels.length} labels; ${Buffer.byteLength(text)} bytes\n`,
  );
}

build();
