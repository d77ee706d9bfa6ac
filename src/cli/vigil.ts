/**
 * Vigil's command line, a thin shell over src/lib/edge:
 *   npm run vigil -- inspect [--policy FILE] [--context FILE] <input>   ('-' reads stdin)
 *   npm run vigil -- inspect [--policy FILE] [--context FILE] --jsonl   (one case per stdin line)
 *   npm run vigil -- inspect --export FILE …   (decide under a Vigil export: its policy, lists and facts, as of now)
 *   npm run vigil -- sanitize --profile strict|default|override [--override C=V,…] [--salt HEX]
 *                   [--context FILE | --export FILE] (<input> | --jsonl)   (what the cloud tier would receive)
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseExportDocument } from '../lib/context/exportFile';
import { factsOf, policyOf } from '../lib/context/snapshot';
import { ParseError } from '../lib/edge/errors';
import { noFacts } from '../lib/edge/gate/facts';
import { parseContext, parsePolicy } from '../lib/edge/gate/parseContext';
import { inspect } from '../lib/edge/inspect';
import { toJsonText } from '../lib/edge/json';
import { readJson } from '../lib/edge/parse/readJson';
import { cliResult } from './cliResult';
import { inspectJsonlLine, type JsonlContext } from './inspectJsonl';
import { caseSalt, parseOverride, type SanitizeRun, sanitizeLine } from './sanitizeJsonl';

const usage = `Usage:
  npm run vigil -- inspect [--policy FILE] [--context FILE] <input>   print what <input> is and the verdict, as JSON ('-' reads stdin)
  npm run vigil -- inspect [--policy FILE] [--context FILE] --jsonl   one case per stdin line, one JSON result per line
  --export FILE   decide under the policy, lists, address book, history and exposure of a file
                  exported from Vigil's Settings (as of now); --policy and --context override it
  npm run vigil -- sanitize --profile strict|default|override [--context FILE] (<input> | --jsonl)
                  print the exact sanitized request the cloud tier would receive, one JSON line per case
  --override C=V,…  per-class choices for --profile override (amount=hide|magnitude|bucket|exact,
                  counterparty=hide|pseudonym|exact, freeText=hide|shape|exact, timing=hide|month|exact)
  --salt HEX      the run's salt (16+ bytes) for reproducible pseudonyms; default: random per run
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads --policy and --context files; a bad file is a usage error (exit 2), not a verdict. */
function readContext(options: Map<string, string>): JsonlContext {
  const read = (flag: string) => readJson(readFileSync(options.get(flag) as string, 'utf8'));
  const exported = options.has('--export')
    ? parseExportDocument(readFileSync(options.get('--export') as string, 'utf8'))
    : undefined;
  return {
    ...(exported && { policy: policyOf(exported), facts: factsOf(exported, { now: Date.now() }) }),
    ...(options.has('--policy') && { policy: parsePolicy(read('--policy')) }),
    ...(options.has('--context') && { facts: parseContext(read('--context'), noFacts) }),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'sanitize' && rest.length > 0 && !rest.includes('--help')) return sanitizeCommand(rest);
  if (command !== 'inspect' || rest.length === 0 || rest.includes('--help')) {
    process.stderr.write(usage);
    return command === undefined || rest.includes('--help') ? 0 : 2;
  }
  const options = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--policy' || arg === '--context' || arg === '--export') {
      const file = rest[++i];
      if (!file) {
        process.stderr.write(`vigil: ${arg} needs a file\n${usage}`);
        return 2;
      }
      options.set(arg, file);
    } else args.push(arg);
  }
  let context: JsonlContext;
  try {
    context = readContext(options);
  } catch (error) {
    if (!(error instanceof ParseError) && !(error instanceof Error && 'code' in error)) throw error;
    process.stderr.write(`vigil: cannot use the policy or context file: ${error.message}\n`);
    return 2;
  }
  if (args[0] === '--jsonl') {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      process.stdout.write(`${inspectJsonlLine(line, lineNumber, context)}\n`);
    }
    return 0;
  }
  const input = args[0] === '-' ? await readStdin() : args.join(' ');
  const result = inspect(input, context);
  process.stdout.write(`${toJsonText(cliResult(result), 2)}\n`);
  return result.ok ? 0 : 1;
}

/** `vigil sanitize`: the exact SanitizedRequest per case. Randomness lives here, not in the sanitizer. */
async function sanitizeCommand(rest: readonly string[]): Promise<number> {
  const options = new Map<string, string>();
  const args: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (['--profile', '--override', '--salt', '--context', '--export'].includes(arg)) {
      const value = rest[++i];
      if (!value) {
        process.stderr.write(`vigil: ${arg} needs a value\n${usage}`);
        return 2;
      }
      options.set(arg, value);
    } else args.push(arg);
  }
  const profile = options.get('--profile');
  if (profile !== 'strict' && profile !== 'default' && profile !== 'override') {
    process.stderr.write(`vigil: --profile must be strict, default or override\n${usage}`);
    return 2;
  }
  let run: SanitizeRun;
  let runSalt: Uint8Array;
  try {
    const { facts } = readContext(options);
    const override = options.has('--override')
      ? parseOverride(options.get('--override') as string)
      : undefined;
    if (override && profile !== 'override') throw new Error('--override needs --profile override');
    const saltHex = options.get('--salt');
    if (saltHex !== undefined && !/^(0x)?([0-9a-fA-F]{2}){16,}$/.test(saltHex))
      throw new Error('--salt must be at least 16 bytes of hex');
    runSalt = saltHex ? Buffer.from(saltHex.replace(/^0x/, ''), 'hex') : randomBytes(32);
    run = { profile, ...(override && { override }), ...(facts && { facts }) };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    process.stderr.write(`vigil: ${error.message}\n`);
    return 2;
  }
  if (args[0] === '--jsonl') {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      process.stdout.write(`${sanitizeLine(line, lineNumber, run, caseSalt(runSalt, lineNumber))}\n`);
    }
    return 0;
  }
  if (args.length === 0) {
    process.stderr.write(`vigil: sanitize needs an input or --jsonl\n${usage}`);
    return 2;
  }
  const input = args[0] === '-' ? await readStdin() : args.join(' ');
  const line = sanitizeLine(input, 1, run, caseSalt(runSalt, 1));
  process.stdout.write(`${line}\n`);
  return (JSON.parse(line) as { ok: boolean }).ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vigil: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
