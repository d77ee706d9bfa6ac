import { bench, describe } from 'vitest';
import { contractAt, functionsBySelector, registryData } from './registry';
import { buildRegistryIndex } from './registryIndex';

describe('registry', () => {
  bench('buildRegistryIndex (the one-time cost of the first lookup)', () => {
    buildRegistryIndex(registryData);
  });
  bench('functionsBySelector, cached', () => {
    functionsBySelector('0x3593564c');
  });
  bench('contractAt', () => {
    contractAt(1n, '0x66a9893cc07d91d95644aedd05d03f95e1dba8af');
  });
});
