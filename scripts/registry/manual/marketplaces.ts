import type { SourceContract } from '../types';
import { verified } from './verified';

/** Blur `OrderStructs.sol`: Order, Fee, Input (Side and SignatureVersion are uint8 enums). */
const ORDER =
  '(address trader, uint8 side, address matchingPolicy, address collection, uint256 tokenId, uint256 amount, address paymentToken, uint256 price, uint256 listingTime, uint256 expirationTime, (uint16 rate, address recipient)[] fees, uint256 salt, bytes extraParams)';
const INPUT = `(${ORDER} order, uint8 v, bytes32 r, bytes32 s, bytes extraSignature, uint8 signatureVersion, uint256 blockNumber)`;

/** Blur Exchange (BlurExchange.sol, the verified implementation behind the mainnet proxy). */
export function blurContracts(): SourceContract[] {
  return [
    {
      kind: 'contract',
      tier: 'abi',
      id: 'blur.exchange',
      name: 'Blur Exchange',
      source: 'manual:scripts/registry/manual/marketplaces.ts (blur-io/blur-exchange BlurExchange.sol)',
      license: 'MIT',
      abi: [
        ...verified([
          ['0x9a1fc3a7', `function execute(${INPUT} sell, ${INPUT} buy) payable`],
          ['0xb3be57f8', `function bulkExecute((${INPUT} sell, ${INPUT} buy)[] executions) payable`],
          ['0x627cdcb9', 'function incrementNonce()'],
        ]),
        // Same Order struct as execute (whose selector is checked above).
        `function cancelOrder(${ORDER} order)`,
        `function cancelOrders(${ORDER}[] orders)`,
      ],
      deployments: [[1, '0x000000000000Ad05Ccc4F10045630fb830B95127']],
    },
  ];
}

/** 0x `LibNativeOrder.sol` and `LibSignature.sol` structs. */
const LIMIT_ORDER =
  '(address makerToken, address takerToken, uint128 makerAmount, uint128 takerAmount, uint128 takerTokenFeeAmount, address maker, address taker, address sender, address feeRecipient, bytes32 pool, uint64 expiry, uint256 salt)';
const RFQ_ORDER =
  '(address makerToken, address takerToken, uint128 makerAmount, uint128 takerAmount, address maker, address taker, address txOrigin, bytes32 pool, uint64 expiry, uint256 salt)';
const SIGNATURE = '(uint8 signatureType, uint8 v, bytes32 r, bytes32 s)';

/**
 * 0x Exchange Proxy (0x-protocol `contracts/zero-ex` features: TransformERC20, UniswapFeature,
 * PancakeSwapFeature, UniswapV3Feature, LiquidityProviderFeature, NativeOrdersFeature).
 * Bound where its address is 0xDef1C0ded9bec7F1a1670819833240f027b25EfF (not Optimism, which differs).
 */
export function zeroExContracts(): SourceContract[] {
  return [
    {
      kind: 'contract',
      tier: 'abi',
      id: 'zeroex.exchange-proxy',
      name: '0x Exchange Proxy',
      source: 'manual:scripts/registry/manual/marketplaces.ts (0xProject/protocol zero-ex features)',
      license: 'MIT',
      abi: verified([
        [
          '0x415565b0',
          'function transformERC20(address inputToken, address outputToken, uint256 inputTokenAmount, uint256 minOutputTokenAmount, (uint32 deploymentNonce, bytes data)[] transformations) payable',
        ],
        [
          '0xd9627aa4',
          'function sellToUniswap(address[] tokens, uint256 sellAmount, uint256 minBuyAmount, bool isSushi) payable',
        ],
        [
          '0xc43c9ef6',
          'function sellToPancakeSwap(address[] tokens, uint256 sellAmount, uint256 minBuyAmount, uint8 fork) payable',
        ],
        [
          '0x3598d8ab',
          'function sellEthForTokenToUniswapV3(bytes encodedPath, uint256 minBuyAmount, address recipient) payable',
        ],
        [
          '0x803ba26d',
          'function sellTokenForEthToUniswapV3(bytes encodedPath, uint256 sellAmount, uint256 minBuyAmount, address recipient)',
        ],
        [
          '0x6af479b2',
          'function sellTokenForTokenToUniswapV3(bytes encodedPath, uint256 sellAmount, uint256 minBuyAmount, address recipient)',
        ],
        [
          '0xf7fcd384',
          'function sellToLiquidityProvider(address inputToken, address outputToken, address provider, address recipient, uint256 sellAmount, uint256 minBuyAmount, bytes auxiliaryData) payable',
        ],
        [
          '0xf6274f66',
          `function fillLimitOrder(${LIMIT_ORDER} order, ${SIGNATURE} signature, uint128 takerTokenFillAmount) payable`,
        ],
        [
          '0xaa77476c',
          `function fillRfqOrder(${RFQ_ORDER} order, ${SIGNATURE} signature, uint128 takerTokenFillAmount)`,
        ],
      ]),
      deployments: [1, 56, 137].map(
        (chain) => [chain, '0xDef1C0ded9bec7F1a1670819833240f027b25EfF'] as const,
      ),
    },
  ];
}
