import type { Address } from 'viem';
import { ClearSignFormatError, ClearSignPathError } from './errors';
import { formatAddressName } from './formats/formatAddressName';
import { formatAmount } from './formats/formatAmount';
import { formatDate } from './formats/formatDate';
import { formatDuration } from './formats/formatDuration';
import { formatEnum } from './formats/formatEnum';
import { formatNftName } from './formats/formatNftName';
import { formatRaw } from './formats/formatRaw';
import { formatTokenAmount } from './formats/formatTokenAmount';
import { formatUnit } from './formats/formatUnit';
import { leafToAddress, leafToBigInt } from './leafAs';
import { renderNestedCall } from './renderNestedCall';
import { resolveConstant } from './resolveConstant';
import type { ClearSignField, DescriptorField, RenderContext, ValueNode } from './types';

/** Parameters of {@link renderValue}. */
export type RenderValueParameters = {
  field: DescriptorField;
  label: string;
  /** The concrete path of the value, e.g. `#.bundle.[1].data`. */
  path: string;
  node: ValueNode;
  ctx: RenderContext;
  /** Resolves a parameter path (`tokenPath`…) for this value; throws ClearSignPathError. */
  lookup: (path: string) => ValueNode;
};

/** What one descriptor field renders to: usually one line, several for a nested call. */
export type RenderValueReturnType = { fields: ClearSignField[]; warnings: string[] };

/** The ERC-7730 formats Vigil renders; any other is shown raw, with a warning. */
export const SUPPORTED_FORMATS = [
  'raw',
  'addressName',
  'tokenAmount',
  'amount',
  'date',
  'duration',
  'unit',
  'enum',
  'nftName',
  'calldata',
] as const;

/**
 * Renders one value with its field's format. A value the format cannot take (wrong type, unknown
 * enum entry, out-of-range date) or a format Vigil does not support falls back to the raw value
 * with a warning.
 */
export function renderValue(parameters: RenderValueParameters): RenderValueReturnType {
  const { field, label, path, node, ctx } = parameters;
  const format = field.format ?? 'raw';
  const line = (value: string, used = format): ClearSignField => ({ label, value, path, format: used });
  const params = field.params ?? {};
  const warnings: string[] = [];
  try {
    switch (format) {
      case 'raw':
        return { fields: [line(formatRaw(node))], warnings };
      case 'addressName': {
        const address = formatAddressName(node);
        if (address.warning) warnings.push(`${label}: ${address.warning}.`);
        return { fields: [line(address.value)], warnings };
      }
      case 'amount':
        return { fields: [line(formatAmount(node, ctx.container.chainId))], warnings };
      case 'date':
        return { fields: [line(formatDate(node, params))], warnings };
      case 'duration':
        return { fields: [line(formatDuration(node))], warnings };
      case 'unit':
        return {
          fields: [line(formatUnit(node, { ...params, base: resolveConstant(params.base, ctx.descriptor) }))],
          warnings,
        };
      case 'enum':
        return {
          fields: [line(formatEnum(node, resolveConstant(params.$ref ?? params.enum, ctx.descriptor)))],
          warnings,
        };
      case 'nftName': {
        const collection = addressParam(parameters, 'collection', 'collectionPath');
        return { fields: [line(formatNftName(node, collection))], warnings };
      }
      case 'tokenAmount':
        return tokenAmount(parameters, line);
      case 'calldata':
        return renderNestedCall({
          label,
          path,
          node,
          ctx,
          callee: addressParam(parameters, 'callee', 'calleePath'),
          amount: integerParam(parameters, 'amount', 'amountPath'),
          spender: addressParam(parameters, 'spender', 'spenderPath'),
          chainId: integerParam(parameters, 'chainId', 'chainIdPath'),
          selector: hexParam(parameters, 'selector', 'selectorPath'),
        });
      default:
        return {
          fields: [line(formatRaw(node), 'raw')],
          warnings: [`${label}: the format "${format}" is not supported; the raw value is shown.`],
        };
    }
  } catch (error) {
    const reason =
      error instanceof ClearSignFormatError || error instanceof ClearSignPathError
        ? error.shortMessage
        : error instanceof Error
          ? (error.message.split('\n')[0] ?? error.name)
          : String(error);
    return {
      fields: [line(formatRaw(node), 'raw')],
      warnings: [`${label}: cannot render as ${format} (${reason}); the raw value is shown.`],
    };
  }
}

function tokenAmount(
  parameters: RenderValueParameters,
  line: (value: string) => ClearSignField,
): RenderValueReturnType {
  const { ctx, node, label } = parameters;
  const params = parameters.field.params ?? {};
  const nativeList = resolveConstant(params.nativeCurrencyAddress, ctx.descriptor);
  const natives = (Array.isArray(nativeList) ? nativeList : nativeList === undefined ? [] : [nativeList]).map(
    (entry) =>
      leafToAddress({ kind: 'leaf', type: 'address', value: String(resolveConstant(entry, ctx.descriptor)) }),
  );
  const threshold = resolveConstant(params.threshold, ctx.descriptor);
  const message = resolveConstant(params.message, ctx.descriptor);
  const declared = ctx.descriptor.token;
  const result = formatTokenAmount({
    amount: leafToBigInt(node),
    ...(ctx.container.chainId !== undefined && { chainId: ctx.container.chainId }),
    ...withDefined('token', addressParam(parameters, 'token', 'tokenPath')),
    nativeCurrencyAddresses: natives,
    ...withDefined('threshold', threshold === undefined ? undefined : toBigInt(threshold)),
    ...(typeof message === 'string' && { message }),
    ...(declared?.ticker !== undefined &&
      declared.decimals !== undefined &&
      ctx.container.to !== undefined && {
        declared: {
          address: ctx.container.to,
          info: {
            symbol: declared.ticker,
            decimals: declared.decimals,
            name: declared.name ?? declared.ticker,
          },
        },
      }),
  });
  return { fields: [line(result.value)], warnings: result.warnings.map((w) => `${label}: ${w}`) };
}

function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]{1,64}|\d{1,78})$/.test(value)) return BigInt(value);
  throw new ClearSignFormatError(`not an integer: ${JSON.stringify(value)}`);
}

/** A parameter given as a constant (`token`) or as a path to a value (`tokenPath`). */
function param(parameters: RenderValueParameters, constant: string, path: string): ValueNode | undefined {
  const params = parameters.field.params ?? {};
  const pathValue = params[path];
  if (typeof pathValue === 'string') return parameters.lookup(pathValue);
  const value = resolveConstant(params[constant], parameters.ctx.descriptor);
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^@\.|^#\./.test(value)) return parameters.lookup(value);
  if (typeof value === 'number') return { kind: 'leaf', type: 'uint256', value: BigInt(value) };
  if (typeof value === 'string')
    return { kind: 'leaf', type: value.length === 42 ? 'address' : 'bytes', value };
  throw new ClearSignFormatError(`parameter ${constant} is not a value`);
}

function addressParam(
  parameters: RenderValueParameters,
  constant: string,
  path: string,
): Address | undefined {
  const node = param(parameters, constant, path);
  return node === undefined ? undefined : leafToAddress(node);
}

function integerParam(parameters: RenderValueParameters, constant: string, path: string): bigint | undefined {
  const node = param(parameters, constant, path);
  return node === undefined ? undefined : leafToBigInt(node);
}

function hexParam(parameters: RenderValueParameters, constant: string, path: string): string | undefined {
  const node = param(parameters, constant, path);
  if (node === undefined) return undefined;
  if (node.kind === 'leaf' && typeof node.value === 'string' && /^0x[0-9a-f]{8}$/i.test(node.value))
    return node.value.toLowerCase();
  throw new ClearSignFormatError(`parameter ${constant} is not a 4-byte selector`);
}
