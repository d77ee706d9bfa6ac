import { type AbiFunction, isAddress, parseAbiItem, toFunctionSelector, toFunctionSignature } from 'viem';
import { expect, test } from 'vitest';
import {
  contractAt,
  contractById,
  functionsBySelector,
  interfaceById,
  registryAbi,
  registryData,
} from './registry';
import { buildRegistryIndex } from './registryIndex';

test.each([
  ['0xa9059cbb', 'transfer(address,uint256)', 'erc20'],
  ['0x095ea7b3', 'approve(address,uint256)', 'erc20'],
  ['0x095ea7b3', 'approve(address,uint256)', 'erc721'],
  ['0xa22cb465', 'setApprovalForAll(address,bool)', 'erc1155'],
  ['0xd505accf', 'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)', 'erc2612'],
  ['0xac9650d8', 'multicall(bytes[])', 'multicall'],
  ['0x5ae401dc', 'multicall(uint256,bytes[])', 'uniswap.multicall-extended'],
  ['0xe9ae5c53', 'execute(bytes32,bytes)', 'erc7821'],
  ['0xe9ae5c53', 'execute(bytes32,bytes)', 'erc7579'],
  ['0x3659cfe6', 'upgradeTo(address)', 'proxy.uups@oz4'],
  ['0x4f1ef286', 'upgradeToAndCall(address,bytes)', 'proxy.transparent'],
  ['0x8f283970', 'changeAdmin(address)', 'proxy.transparent@oz4'],
  ['0x99a88ec4', 'upgrade(address,address)', 'proxy.proxy-admin@oz4'],
  ['0xf2fde38b', 'transferOwnership(address)', 'ownable'],
  ['0x715018a6', 'renounceOwnership()', 'ownable'],
  ['0x79ba5097', 'acceptOwnership()', 'ownable2step'],
  ['0x2f2ff15d', 'grantRole(bytes32,address)', 'access-control'],
  [
    '0xe3ee160e',
    'transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)',
    'erc3009',
  ],
  ['0x6e553f65', 'deposit(uint256,address)', 'erc4626'],
  ['0x5c19a95c', 'delegate(address)', 'erc5805'],
] as const)('%s %s is in interface %s', (selector, signature, id) => {
  const entry = functionsBySelector(selector).find((fn) => fn.signature === signature);
  expect(entry?.interfaces).toContain(id);
});

test.each([
  ['0x3593564c', 'execute(bytes,bytes[],uint256)', 'uniswap.universal-router@2'],
  ['0x3593564c', 'execute(bytes,bytes[],uint256)', 'uniswap.universal-router@1.2'],
  ['0x24856bc3', 'execute(bytes,bytes[])', 'uniswap.universal-router@2'],
  [
    '0x6a761202',
    'execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)',
    'safe.gnosis-safe@1.3.0',
  ],
  [
    '0x6a761202',
    'execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)',
    'safe.safe@1.4.1',
  ],
  ['0x8d80ff0a', 'multiSend(bytes)', 'safe.multi-send@1.3.0'],
  ['0x8d80ff0a', 'multiSend(bytes)', 'safe.multi-send-call-only@1.4.1'],
  ['0x0d582f13', 'addOwnerWithThreshold(address,uint256)', 'safe.safe@1.4.1'],
  ['0x610b5925', 'enableModule(address)', 'safe.safe@1.4.1'],
  ['0xe19a9dd9', 'setGuard(address)', 'safe.safe@1.4.1'],
  ['0xf08a0323', 'setFallbackHandler(address)', 'safe.safe@1.4.1'],
  ['0x82ad56cb', 'aggregate3((address,bool,bytes)[])', 'multicall3'],
  ['0x174dea71', 'aggregate3Value((address,bool,uint256,bytes)[])', 'multicall3'],
  ['0x252dba42', 'aggregate((address,bytes)[])', 'makerdao.multicall'],
  ['0xbce38bd7', 'tryAggregate(bool,(address,bytes)[])', 'makerdao.multicall2'],
  ['0x5ae401dc', 'multicall(uint256,bytes[])', 'uniswap.swap-router-02'],
  [
    '0x765e827f',
    'handleOps((address,uint256,bytes,bytes,bytes32,uint256,bytes32,bytes,bytes)[],address)',
    'erc4337.entry-point@0.7',
  ],
  [
    '0x1fad948c',
    'handleOps((address,uint256,bytes,bytes,uint256,uint256,uint256,uint256,uint256,bytes,bytes)[],address)',
    'erc4337.entry-point@0.6',
  ],
  [
    '0x2b67b570',
    'permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)',
    'uniswap.permit2',
  ],
  ['0x87517c45', 'approve(address,address,uint160,uint48)', 'uniswap.permit2'],
  ['0xcc53287f', 'lockdown((address,address)[])', 'uniswap.permit2'],
  ['0x8fcbaf0c', 'permit(address,address,uint256,uint256,bool,uint8,bytes32,bytes32)', 'makerdao.dai'],
  ['0xd0e30db0', 'deposit()', 'weth9'],
  [
    '0x414bf389',
    'exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))',
    'uniswap.v3-swap-router',
  ],
  ['0x7ff36ab5', 'swapExactETHForTokens(uint256,address[],address,uint256)', 'uniswap.v2-router-02'],
  ['0xdd46508f', 'modifyLiquidities(bytes,uint256)', 'uniswap.v4-position-manager'],
  [
    '0xfb0f3ee1',
    'fulfillBasicOrder((address,uint256,uint256,address,address,address,uint256,uint256,uint8,uint256,uint256,bytes32,uint256,bytes32,bytes32,uint256,(uint256,address)[],bytes))',
    'opensea.seaport@1.6',
  ],
  [
    '0x9a1fc3a7',
    'execute(((address,uint8,address,address,uint256,uint256,address,uint256,uint256,uint256,(uint16,address)[],uint256,bytes),uint8,bytes32,bytes32,bytes,uint8,uint256),((address,uint8,address,address,uint256,uint256,address,uint256,uint256,uint256,(uint16,address)[],uint256,bytes),uint8,bytes32,bytes32,bytes,uint8,uint256))',
    'blur.exchange',
  ],
  ['0x415565b0', 'transformERC20(address,address,uint256,uint256,(uint32,bytes)[])', 'zeroex.exchange-proxy'],
  [
    '0x13d79a0b',
    'settle(address[],uint256[],(uint256,uint256,address,uint256,uint256,uint32,bytes32,uint256,uint256,uint256,bytes)[],(address,uint256,bytes)[][3])',
    'cow.gpv2-settlement',
  ],
  ['0xec6cb13f', 'setPreSignature(bytes,bool)', 'cow.gpv2-settlement'],
  ['0xa1903eab', 'submit(address)', 'lido.steth'],
  ['0xea598cb0', 'wrap(uint256)', 'lido.wsteth'],
  ['0xd6681042', 'requestWithdrawals(uint256[],address)', 'lido.withdrawal-queue'],
  [
    '0x74694a2b',
    'register(string,address,uint256,bytes32,address,bytes[],bool,uint16)',
    'ens.eth-registrar-controller',
  ],
  ['0x85f6d155', 'register(string,address,uint256,bytes32)', 'ens.eth-registrar-controller@2019'],
  ['0x5b0fc9c3', 'setOwner(bytes32,address)', 'ens.registry'],
  ['0x1896f70a', 'setResolver(bytes32,address)', 'ens.registry'],
  ['0x617ba037', 'supply(address,uint256,address,uint16)', 'erc7730.aave.lpv3'],
  [
    '0x12aa3caf',
    'swap(address,(address,address,address,address,uint256,uint256,uint256),bytes,bytes)',
    'erc7730.1inch.aggregationrouterv5',
  ],
  [
    '0x07ed2379',
    'swap(address,(address,address,address,address,uint256,uint256,uint256),bytes)',
    'erc7730.1inch.aggregationrouterv6',
  ],
] as const)('%s %s is in contract %s', (selector, signature, id) => {
  const entry = functionsBySelector(selector).find((fn) => fn.signature === signature);
  expect(entry?.contracts).toContain(id);
});

test('morpho blue supply is bound to morpho.blue', () => {
  const supply = functionsBySelector(
    toFunctionSelector('supply((address,address,address,address,uint256),uint256,uint256,address,bytes)'),
  );
  expect(supply[0]?.contracts).toContain('morpho.blue');
});

test('one canonical signature from many sources is one entry', () => {
  const [transfer, ...rest] = functionsBySelector('0xa9059cbb');
  expect(rest).toEqual([]);
  expect(transfer?.selector).toBe('0xa9059cbb');
  expect(transfer?.contracts).toEqual(expect.arrayContaining(['weth9', 'makerdao.dai', 'lido.steth']));
  // The interface's names win over the contracts' (WETH9 says `dst`, `wad`).
  expect(transfer?.item.inputs.map((input) => input.name)).toEqual(['to', 'value']);
});

test('different signatures sharing a selector are separate entries', () => {
  // No two registry functions collide today; the index still keys entries by canonical signature.
  const index = buildRegistryIndex({
    interfaces: [
      {
        id: 'a',
        name: 'A',
        source: 'test',
        license: 'CC0-1.0',
        functions: ['function transfer(address to, uint256 value)'],
      },
      // A well-known 4-byte collision with transfer(address,uint256).
      {
        id: 'b',
        name: 'B',
        source: 'test',
        license: 'CC0-1.0',
        functions: ['function many_msg_babbage(bytes1)'],
      },
    ],
    contracts: [],
  });
  expect(index.bySelector.get('0xa9059cbb')?.map((entry) => entry.signature)).toEqual([
    'many_msg_babbage(bytes1)',
    'transfer(address,uint256)',
  ]);
});

test('the item keeps parameter names and tuple components', () => {
  const [aggregate3] = functionsBySelector('0x82ad56cb');
  expect(aggregate3?.item).toMatchObject({
    name: 'aggregate3',
    stateMutability: 'payable',
    inputs: [
      {
        name: 'calls',
        type: 'tuple[]',
        components: [
          { name: 'target', type: 'address' },
          { name: 'allowFailure', type: 'bool' },
          { name: 'callData', type: 'bytes' },
        ],
      },
    ],
  });
});

test('selector lookups are case-insensitive, cached, and miss on anything else', () => {
  expect(functionsBySelector('0xA9059CBB')).toBe(functionsBySelector('0xa9059cbb'));
  expect(functionsBySelector('0xdeadbeef')).toEqual([]);
  expect(functionsBySelector('0xa9059cbb00')).toEqual([]);
  expect(functionsBySelector('0x')).toEqual([]);
});

test.each([
  [1n, '0x66a9893cc07d91d95644aedd05d03f95e1dba8af', 'uniswap.universal-router@2'],
  [1n, '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD', 'uniswap.universal-router@1.2'],
  [8453n, '0x6fF5693b99212Da76ad316178A184AB56D299b43', 'uniswap.universal-router@2'],
  [1n, '0xA238CBeb142c10Ef7Ad8442C6D1f9E89e07e7761', 'safe.multi-send@1.3.0'],
  [10n, '0x998739BFdAAdde7C933B942a68053933098f9EDa', 'safe.multi-send@1.3.0'],
  [1n, '0x40A2aCCbd92BCA938b02010E17A5b8929b49130D', 'safe.multi-send-call-only@1.3.0'],
  [1n, '0x38869bf66a61cF6bDB996A6aE40D5853Fd43B526', 'safe.multi-send@1.4.1'],
  [8453n, '0x9641d764fc13c8B624c04430C7356C1C7C8102e2', 'safe.multi-send-call-only@1.4.1'],
  [1n, '0x41675C099F32341bf84BFc5382aF534df5C7461a', 'safe.safe@1.4.1'],
  [1n, '0x000000000022D473030F116dDEE9F6B43aC78BA3', 'uniswap.permit2'],
  [324n, '0x0000000000225e31D15943971F47aD3022F714Fa', 'uniswap.permit2'],
  [1n, '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', 'weth9'],
  [10n, '0x4200000000000000000000000000000000000006', 'weth9'],
  [1n, '0x6B175474E89094C44Da98b954EedeAC495271d0F', 'makerdao.dai'],
  [1n, '0xcA11bde05977b3631167028862bE2a173976CA11', 'multicall3'],
  [42161n, '0xcA11bde05977b3631167028862bE2a173976CA11', 'multicall3'],
  [1n, '0x0000000071727De22E5E9d8BAf0edAc6f37da032', 'erc4337.entry-point@0.7'],
  [137n, '0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789', 'erc4337.entry-point@0.6'],
  [1n, '0x0000000000000068F116a894984e2DB1123eB395', 'opensea.seaport@1.6'],
  [1n, '0x9008D19f58AAbD9eD0D60971565AA8510560ab41', 'cow.gpv2-settlement'],
  [1n, '0xae7ab96520DE3A18E5e111B5EaAb095312D7fE84', 'lido.steth'],
  [1n, '0xBBBBBbbBBb9cC5e90e3b3Af64bdAF62C37EEFFCb', 'morpho.blue'],
  [1n, '0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e', 'ens.registry'],
  [1n, '0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2', 'erc7730.aave.lpv3'],
  [1n, '0x111111125421cA6dc452d289314280a0f8842A65', 'erc7730.1inch.aggregationrouterv6'],
  [1n, '0x000000000000Ad05Ccc4F10045630fb830B95127', 'blur.exchange'],
  [1n, '0xDef1C0ded9bec7F1a1670819833240f027b25EfF', 'zeroex.exchange-proxy'],
] as const)('contractAt(%s, %s) is %s', (chainId, address, id) => {
  expect(contractAt(chainId, address)?.id).toBe(id);
});

test('contractAt misses unknown chains and addresses', () => {
  expect(contractAt(1n, '0x0000000000000000000000000000000000000001')).toBeUndefined();
  // Universal Router 2.0's mainnet address means nothing on a chain the SDK does not list it for.
  expect(contractAt(999_999_999_999n, '0x66a9893cc07d91d95644aedd05d03f95e1dba8af')).toBeUndefined();
});

test('contractById, interfaceById and registryAbi', () => {
  const multiSend = contractById('safe.multi-send@1.3.0');
  expect(multiSend?.name).toBe('Safe MultiSend 1.3.0');
  expect(multiSend?.source).toMatch(/^npm:@safe-global\/safe-deployments@/);
  expect(multiSend && registryAbi(multiSend).map((fn) => fn.name)).toEqual(['multiSend']);
  const erc20 = interfaceById('erc20');
  expect(erc20 && registryAbi(erc20)).toBe(erc20 && registryAbi(erc20));
  expect(contractById('erc20')).toBeUndefined();
});

test('every function string parses to a function that round-trips', () => {
  const entries = [...registryData.interfaces, ...registryData.contracts];
  let count = 0;
  for (const entry of entries)
    for (const text of entry.functions) {
      const item = parseAbiItem(text) as AbiFunction;
      expect(item.type, text).toBe('function');
      expect(toFunctionSignature(text), text).toBe(toFunctionSignature(item));
      count++;
    }
  expect(count).toBeGreaterThan(2000);
});

test('ids are unique, namespaced and every entry names a source and a license', () => {
  const entries = [...registryData.interfaces, ...registryData.contracts];
  const ids = entries.map((entry) => entry.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const entry of entries) {
    expect(entry.id).toMatch(/^[a-z0-9][a-z0-9._@+-]*$/);
    expect(entry.source).toMatch(/^(npm|erc7730|manual):/);
    expect(entry.license).not.toBe('');
    expect(entry.functions.length, entry.id).toBeGreaterThan(0);
  }
});

test('deployments are lowercase addresses on ascending positive chain ids', () => {
  for (const contract of registryData.contracts) {
    expect(contract.deployments.length, contract.id).toBeGreaterThan(0);
    for (const [address, chainIds] of contract.deployments) {
      expect(isAddress(address, { strict: false }) && address === address.toLowerCase(), address).toBe(true);
      expect(chainIds.length).toBeGreaterThan(0);
      for (const [i, chainId] of chainIds.entries()) {
        expect(Number.isSafeInteger(chainId) && chainId > 0).toBe(true);
        if (i > 0) expect(chainId).toBeGreaterThan(chainIds[i - 1] as number);
      }
    }
  }
});

test('no (chain, address) is bound to two contracts', () => {
  const seen = new Map<string, string>();
  for (const contract of registryData.contracts)
    for (const [address, chainIds] of contract.deployments)
      for (const chainId of chainIds) {
        const key = `${chainId}:${address}`;
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, contract.id);
      }
  expect(seen.size).toBeGreaterThan(10_000);
});

test('the file is in canonical order (so regeneration is byte-stable)', () => {
  const sorted = (list: readonly string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const interfaceIds = registryData.interfaces.map((entry) => entry.id);
  expect(interfaceIds).toEqual(sorted(interfaceIds));
  const contractIds = registryData.contracts.map((entry) => entry.id);
  const full = contractIds.filter((id) => !id.startsWith('erc7730.'));
  const descriptors = contractIds.filter((id) => id.startsWith('erc7730.'));
  expect(contractIds).toEqual([...sorted(full), ...sorted(descriptors)]);
  for (const entry of [...registryData.interfaces, ...registryData.contracts])
    expect(entry.functions).toEqual(sorted(entry.functions));
  for (const contract of registryData.contracts) {
    const addresses = contract.deployments.map(([address]) => address);
    expect(addresses).toEqual(sorted(addresses));
  }
});

test('building the index twice gives the same tables', () => {
  const snapshot = () => {
    const index = buildRegistryIndex(registryData);
    return JSON.stringify({
      selectors: [...index.bySelector],
      deployments: [...index.byDeployment].map(([key, contract]) => [key, contract.id]),
    });
  };
  expect(snapshot()).toBe(snapshot());
});
