import type { Address, Hex } from 'viem';
import { ClearSignFormatError } from './errors';
import { MAX_NESTED_DEPTH } from './limits';
import type { ClearSignField, RenderContext, ValueNode } from './types';

/** Parameters of {@link renderNestedCall}, resolved from the field's `calleePath`, `amountPath`… */
export type RenderNestedCallParameters = {
  label: string;
  path: string;
  /** The call data (bytes). */
  node: ValueNode;
  ctx: RenderContext;
  callee?: Address;
  amount?: bigint;
  spender?: Address;
  chainId?: bigint;
  /** Prepended when the bytes hold only the arguments. */
  selector?: string;
};

/** The lines of a nested call: its intent, then its own fields one level deeper. */
export type RenderNestedCallReturnType = { fields: ClearSignField[]; warnings: string[] };

/**
 * ERC-7730 `calldata`: a call embedded in the data (a Safe transaction, a multicall entry) is
 * clear-signed with its own descriptor, recursively up to {@link MAX_NESTED_DEPTH}. The field shows
 * the nested intent; the nested fields follow with `depth` + 1 and paths `outer>inner`. A nested
 * call without a descriptor shows its target and selector, with a warning.
 */
export function renderNestedCall(parameters: RenderNestedCallParameters): RenderNestedCallReturnType {
  const { label, path, node, ctx } = parameters;
  const depth = ctx.depth + 1;
  const line = (value: string): ClearSignField => ({
    label,
    value,
    path,
    format: 'calldata',
    ...(ctx.depth > 0 && { depth: ctx.depth }),
  });
  if (node.kind !== 'leaf' || typeof node.value !== 'string' || !node.type.startsWith('bytes'))
    throw new ClearSignFormatError(`a nested call must be bytes, not ${node.type}`);
  let data = node.value.toLowerCase() as Hex;
  if (parameters.selector) data = `${parameters.selector}${data.slice(2)}` as Hex;
  const { callee } = parameters;
  if (!callee)
    throw new ClearSignFormatError('the descriptor does not say which contract the nested call is to');
  if (depth > MAX_NESTED_DEPTH)
    return {
      fields: [line(data)],
      warnings: [
        `${label}: calls nested deeper than ${MAX_NESTED_DEPTH} are not decoded; the raw data is shown.`,
      ],
    };
  if (data === '0x') return { fields: [line(`No call data (to ${callee})`)], warnings: [] };

  // The nested call is made by the outer contract, unless it calls itself (a multicall that
  // delegates into its own functions keeps the original sender).
  const outerTo = ctx.container.to;
  const selfCall = outerTo !== undefined && outerTo.toLowerCase() === callee.toLowerCase();
  const from = parameters.spender ?? (selfCall ? ctx.container.from : outerTo);
  const chainId = parameters.chainId ?? ctx.container.chainId;
  if (chainId === undefined) throw new ClearSignFormatError('the nested call has no chain');
  const outcome = ctx.nested({
    chainId,
    to: callee,
    ...(from !== undefined && { from }),
    value: parameters.amount ?? 0n,
    data,
    depth,
  });
  if (!outcome.display)
    return {
      fields: [line(`Call ${data.slice(0, 10)} to ${callee}`)],
      warnings: [`${label}: ${outcome.reason.message}`],
    };
  const nested = outcome.display;
  return {
    fields: [
      line(nested.title),
      ...nested.fields.map((field) => ({
        ...field,
        path: `${path}>${field.path}`,
        depth: field.depth ?? depth,
      })),
    ],
    warnings: nested.warnings.map((warning) => `${label}: ${warning}`),
  };
}
