/**
 * Vigil's command line, a thin shell over src/lib/edge:
 *   npm run vigil -- inspect <input>        inspect one input (or '-' to read it from stdin)
 *   npm run vigil -- inspect --jsonl        one case per stdin line, one JSON result per line
 */
import { createInterface } from 'node:readline';
import { inspect } from '../lib/edge/inspect';
import { toJsonText } from '../lib/edge/json';
import { cliResult } from './cliResult';
import { inspectJsonlLine } from './inspectJsonl';

const usage = `Usage:
  npm run vigil -- inspect <input>     print what <input> is, as JSON ('-' reads stdin)
  npm run vigil -- inspect --jsonl     read one case per line on stdin, print one JSON result per line
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'inspect' || rest.length === 0 || rest.includes('--help')) {
    process.stderr.write(usage);
    return command === undefined || rest.includes('--help') ? 0 : 2;
  }
  if (rest[0] === '--jsonl') {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      process.stdout.write(`${inspectJsonlLine(line, lineNumber)}\n`);
    }
    return 0;
  }
  const input = rest[0] === '-' ? await readStdin() : rest.join(' ');
  const result = inspect(input);
  process.stdout.write(`${toJsonText(cliResult(result), 2)}\n`);
  return result.ok ? 0 : 1;
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
