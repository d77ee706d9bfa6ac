import { readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { inspect } from '../inspect';
import { parsePayload } from './parsePayload';

const signed = JSON.parse(readFileSync('tests/fixtures/signed-transactions.json', 'utf8')) as {
  transactions: Record<string, string>;
};
const corpus = readFileSync('tests/fixtures/corpus-sample.jsonl', 'utf8').split('\n').filter(Boolean);
const typedData = corpus.find((line) => line.includes('"primaryType":"Permit"')) as string;
const unsignedRaw = JSON.parse(corpus.find((line) => line.includes('"rawTx"')) as string).rawTx as string;
const calldata =
  '0xa9059cbb000000000000000000000000d8da6bf26964af9d7eed9e03e53415d37aa960450000000000000000000000000000000000000000000000000000000005f5e100';

describe('parsePayload', () => {
  bench('calldata (ERC-20 transfer)', () => {
    parsePayload(calldata);
  });
  bench('unsigned raw EIP-1559 transaction', () => {
    parsePayload(unsignedRaw);
  });
  bench('signed raw EIP-1559 transaction (sender recovery)', () => {
    parsePayload(signed.transactions.eip1559 as string);
  });
  bench('EIP-712 Permit (validate + digest)', () => {
    parsePayload(typedData);
  });
  bench('garbage', () => {
    parsePayload('{"to": 5');
  });
});

describe('inspect', () => {
  bench('calldata → fields, decoded tree, intent', () => {
    inspect(calldata);
  });
});
