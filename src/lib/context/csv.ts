import { type Address, getAddress } from 'viem';
import { ContextError } from './errors';

/**
 * The address book as CSV (RFC 4180), for spreadsheets and other wallets. Import is all or
 * nothing: every problem of the file is collected and the first ten are reported by line.
 */

/** One contact read from a CSV file (no id or times: the store assigns them). */
export type CsvContact = {
  readonly name: string;
  readonly address: Address;
  readonly chains: readonly number[];
  readonly notes: string;
};

/** The largest CSV text read, in characters (1 MiB). */
export const MAX_CSV_CHARS = 1024 * 1024;
/** The most contacts one file may hold. */
export const MAX_CSV_ROWS = 10_000;
const MAX_NAME_CHARS = 200;
const MAX_NOTE_CHARS = 2_000;
const MAX_REPORTED = 10;

const columns = ['name', 'address', 'chains', 'notes'] as const;
type Column = (typeof columns)[number];

/**
 * Reads contacts from CSV text: a header row (case-insensitive; `name` and `address` required,
 * `chains` and `notes` optional, any order, nothing else), then one contact per row. Quoted
 * fields may hold commas, doubled quotes and line breaks; lines end in CRLF or LF; a UTF-8 BOM
 * and blank lines are skipped. Names and notes are trimmed; chains are positive integers
 * separated by `;` or spaces (repeats dropped); addresses come back EIP-55 checksummed.
 *
 * A cell that `contactsToCsv` protected against formula injection keeps its leading `'` here:
 * the quote cannot be told from one the user typed, so nothing is silently removed.
 *
 * Throws `invalidInput` listing the first ten problems with their line numbers; nothing is
 * returned unless the whole file is valid.
 */
export function parseContactsCsv(text: string): CsvContact[] {
  if (typeof text !== 'string') throw invalid(['the input is not text.']);
  if (text.length > MAX_CSV_CHARS)
    throw invalid([`the file is larger than ${MAX_CSV_CHARS / 1024 / 1024} MiB, the most Vigil imports.`]);
  const rows = readRows(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const [header, ...body] = rows;
  if (!header) throw invalid(['the file is empty: expected a header row with name and address columns.']);
  const problems: string[] = [];
  const report = (line: number, message: string) => problems.push(`line ${line}: ${message}`);

  const index = new Map<Column, number>();
  header.fields.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    const column = columns.find((c) => c === name);
    if (!column)
      report(
        header.line,
        `unknown column ${JSON.stringify(cut(cell))} (expected name, address, chains, notes).`,
      );
    else if (index.has(column)) report(header.line, `the column ${column} appears twice.`);
    else index.set(column, i);
  });
  for (const required of ['name', 'address'] as const)
    if (!index.has(required)) report(header.line, `the ${required} column is missing.`);
  if (problems.length > 0) throw invalid(problems);
  if (body.length > MAX_CSV_ROWS)
    throw invalid([`the file has ${body.length} contacts; at most ${MAX_CSV_ROWS} can be imported at once.`]);

  const contacts: CsvContact[] = [];
  const seen = new Map<string, number>();
  for (const { fields, line } of body) {
    if (fields.length !== header.fields.length) {
      report(line, `expected ${header.fields.length} fields, found ${fields.length}.`);
      continue;
    }
    const cell = (column: Column) => {
      const i = index.get(column);
      return i === undefined ? '' : (fields[i] as string);
    };
    const before = problems.length;
    const name = cell('name').trim();
    if (name.length === 0) report(line, 'the name is empty.');
    else if (name.length > MAX_NAME_CHARS)
      report(line, `the name is ${name.length} characters long; at most ${MAX_NAME_CHARS} are allowed.`);
    const address = readAddress(cell('address').trim(), (message) => report(line, message));
    const chains = readChains(cell('chains'), (message) => report(line, message));
    const notes = cell('notes').trim();
    if (notes.length > MAX_NOTE_CHARS)
      report(line, `the notes are ${notes.length} characters long; at most ${MAX_NOTE_CHARS} are allowed.`);
    if (address) {
      const first = seen.get(address);
      if (first !== undefined) report(line, `address ${address} is already on line ${first}.`);
      else seen.set(address, line);
    }
    if (problems.length === before && address) contacts.push({ name, address, chains, notes });
  }
  if (problems.length > 0) throw invalid(problems);
  return contacts;
}

/**
 * Writes contacts as CSV: a `name,address,chains,notes` header, CRLF line ends, chains joined by
 * `;`. A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`
 * so a spreadsheet shows it as text instead of running it as a formula (OWASP CSV injection);
 * cells holding commas, quotes or line breaks are quoted.
 */
export function contactsToCsv(
  contacts: readonly { name: string; address: Address; chains: readonly number[]; notes: string }[],
): string {
  const lines = [columns.join(',')];
  for (const c of contacts) lines.push([c.name, c.address, c.chains.join(';'), c.notes].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type Row = { readonly fields: readonly string[]; readonly line: number };

/**
 * Splits CSV text into rows of fields, each with the line it starts on; blank lines are skipped.
 * A quote opens a quoted field only as a field's first character (elsewhere it is taken
 * literally); text after a closing quote, or a quote never closed, is an error.
 */
function readRows(text: string): Row[] {
  const rows: Row[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const n = text.length;
  const endField = () => {
    fields.push(field);
    field = '';
    quoted = false;
  };
  const endRow = () => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) rows.push({ fields, line: rowLine });
    fields = [];
  };
  while (i < n) {
    const c = text[i] as string;
    if (c === '"' && field === '' && !quoted) {
      quoted = true;
      const openLine = line;
      for (i++; ; i++) {
        if (i >= n) throw invalid([`line ${openLine}: a quoted field is never closed.`]);
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        } else if (q === '\n' || (q === '\r' && text[i + 1] !== '\n')) line++;
        field += q;
      }
      i++;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
        throw invalid([
          `line ${line}: text follows a closing quote (a quote inside a quoted field must be doubled).`,
        ]);
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (fields.length > 0 || field !== '' || quoted) endRow();
  return rows;
}

const addressPattern = /^0x[0-9a-fA-F]{40}$/;

/** An address in any case; a mixed-case one must carry a correct EIP-55 checksum. */
function readAddress(text: string, report: (message: string) => void): Address | undefined {
  if (text === '') {
    report('the address is empty.');
    return undefined;
  }
  if (!addressPattern.test(text)) {
    report(`address ${show(text)} is not a 20-byte address (0x followed by 40 hex digits).`);
    return undefined;
  }
  const body = text.slice(2);
  const checksummed = getAddress(`0x${body.toLowerCase()}`);
  if (body !== body.toLowerCase() && body !== body.toUpperCase() && checksummed !== text) {
    report(
      `address ${text} has a wrong checksum (EIP-55 expects ${checksummed}); check it was copied whole.`,
    );
    return undefined;
  }
  return checksummed;
}

/** Chain ids separated by `;` or spaces; repeats are dropped, order kept. */
function readChains(text: string, report: (message: string) => void): number[] {
  const chains: number[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return chains;
  for (const part of trimmed.split(/[;\s]+/)) {
    const id = /^[1-9]\d{0,15}$/.test(part) ? Number(part) : Number.NaN;
    if (!Number.isSafeInteger(id)) report(`chain ${show(part)} is not a positive whole number.`);
    else if (!chains.includes(id)) chains.push(id);
  }
  return chains;
}

function invalid(problems: readonly string[]): ContextError {
  const shown = problems.slice(0, MAX_REPORTED);
  const more = problems.length - shown.length;
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new ContextError(
    'invalidInput',
    [
      `The CSV file cannot be imported; it has ${count}:`,
      ...shown,
      ...(more > 0 ? [`…and ${more} more.`] : []),
    ].join('\n'),
  );
}

/** Untrusted text for a message: plain tokens as they are, anything else quoted and cut short. */
function show(text: string): string {
  return /^[0-9A-Za-z]{1,48}$/.test(text) ? text : JSON.stringify(cut(text));
}

function cut(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
