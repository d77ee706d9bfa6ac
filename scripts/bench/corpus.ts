import { readFileSync } from 'node:fs';

/** The vendored evaluation corpus every Node and browser benchmark reads. */
export const CORPUS_PATH = 'tests/fixtures/corpus-sample.jsonl';

/** Every non-empty line of the corpus (one JSON case per line), in file order. */
export function readCorpus(path = CORPUS_PATH): string[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  if (lines.length === 0) throw new Error(`${path}: the corpus is empty`);
  return lines;
}

/** Whether a corpus line is one of the benign ERC-7730 cases (the others are labelled attacks). */
export function isBenign(line: string): boolean {
  return line.startsWith('{"id":"erc7730:');
}
