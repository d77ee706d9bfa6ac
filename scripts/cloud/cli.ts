import { demoForesight } from './demoAnswer';
import { startLoopback } from './loopback';

/*
 * Demo mode of the loopback cloud stand-in:
 *   npm run cloud:loopback -- [--port 8787] [--delay-ms N] [--fail STATUS]
 * Answers every chat-completions request with a <FORESIGHT> JSON read off the sanitized request
 * (demoAnswer.ts; or the failure status) and prints each recorded request body, so you can see
 * exactly what Vigil sends.
 */

const USAGE = 'usage: npm run cloud:loopback -- [--port 8787] [--delay-ms N] [--fail STATUS]';

function readArgs(argv: readonly string[]): { port: number; delayMs: number; status?: number } {
  const out: { port: number; delayMs: number; status?: number } = { port: 8787, delayMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const number = Number(value);
    if (value === undefined || !Number.isInteger(number) || number < 0)
      throw new Error(`${flag} needs a whole number\n${USAGE}`);
    if (flag === '--port' && number <= 65535) out.port = number;
    else if (flag === '--delay-ms') out.delayMs = number;
    else if (flag === '--fail' && number >= 400 && number <= 599) out.status = number;
    else throw new Error(`unknown or out-of-range option ${flag} ${value}\n${USAGE}`);
    i++;
  }
  return out;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const server = await startLoopback({
    port: args.port,
    delayMs: args.delayMs,
    ...(args.status !== undefined && { status: args.status }),
    answer: demoForesight,
    onRequest: (exchange) => {
      console.log(`--- ${new Date().toISOString()} ${exchange.method} ${exchange.path}`);
      console.log(JSON.stringify(exchange.body, null, 2));
    },
  });
  console.log(`Loopback cloud stand-in on ${server.url} (model: any name)`);
  console.log(
    args.status === undefined
      ? 'Answers a <FORESIGHT> demo JSON read off each sanitized request (no real model).'
      : `Answers HTTP ${args.status}.`,
  );
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
