import type { Address, Hex } from 'viem';
import { type CallFit, fitCall } from './fitCall';
import { fitParameters } from './fitParameters';
import { guessLayout } from './guess/guessLayout';
import { childCalls } from './nested/childCalls';
import { decodeRouterPlan, decodeV4Actions, routerVersion } from './nested/decodeRouterPlan';
import { resolveSelector, type SelectorCandidate } from './resolveSelector';
import { type DecodedArgument, type DecodedCall, type DecodeIssue, sourceConfidence } from './types';

/** Limits on nested decoding: past them nodes are reported (`tooDeep`, `tooManyCalls`), not decoded. */
export type DecodeLimits = { readonly maxDepth: number; readonly maxNodes: number };

/** Default limits: deeper than any real batch, small enough to bound the work on hostile input. */
export const defaultDecodeLimits: DecodeLimits = { maxDepth: 8, maxNodes: 1024 };

/** Parameters of {@link decodeCall}. */
export type DecodeCallParameters = {
  readonly data: Hex;
  readonly to?: Address | null;
  readonly value?: bigint;
  readonly chainId?: bigint;
  readonly operation?: 'call' | 'delegatecall';
  readonly limits?: DecodeLimits;
};

/** Work left while decoding one tree (mutable within a single, deterministic decode). */
export type DecodeBudget = {
  nodes: number;
  readonly limits: DecodeLimits;
  readonly chainId: bigint | undefined;
};

/**
 * Decodes a call and every call nested in it, recording for each node where its decode came from
 * and how sure it is (γ). A function bound to the called contract in the registry is certain; a
 * text signature is a candidate; several candidates are all listed; data that fits no candidate is
 * `malformed`, never decoded loosely.
 */
export function decodeCall(parameters: DecodeCallParameters): DecodedCall {
  const budget: DecodeBudget = {
    nodes: 0,
    limits: parameters.limits ?? defaultDecodeLimits,
    chainId: parameters.chainId,
  };
  return decodeNode(parameters, 0, budget);
}

/** Decodes one call node at `depth`, within `budget`. */
export function decodeNode(
  call: {
    readonly data: Hex;
    readonly to?: Address | null;
    readonly value?: bigint;
    readonly operation?: 'call' | 'delegatecall';
  },
  depth: number,
  budget: DecodeBudget,
): DecodedCall {
  budget.nodes++;
  const data = call.data.toLowerCase() as Hex;
  const base = {
    kind: 'call' as const,
    ...(call.to !== undefined && { to: call.to }),
    ...(call.value !== undefined && { value: call.value }),
    ...(call.operation && { operation: call.operation }),
    dataSize: (data.length - 2) / 2,
    args: [] as readonly DecodedArgument[],
    children: [] as readonly DecodedCall[],
  };
  if (data === '0x') return { ...base, source: 'empty', confidence: sourceConfidence.empty };
  if (base.dataSize < 4)
    return withIssue(base, {
      code: 'truncated',
      message: `${base.dataSize} bytes of data: no 4-byte function selector.`,
    });
  const selector = data.slice(0, 10) as Hex;
  const { contract, candidates } = resolveSelector(selector, budget.chainId, call.to);
  const withSelector = { ...base, selector, ...(contract && { contract }) };
  if (candidates.length === 0) return guessed(withSelector, data, selector);

  // Exact fits first; a fit with bytes left over only counts when nothing fits exactly.
  const all: { candidate: SelectorCandidate; fit: CallFit }[] = [];
  for (const candidate of candidates) {
    const fit = fitCall(candidate.item, data);
    if (fit) all.push({ candidate, fit });
  }
  const exact = all.filter((f) => f.fit.trailingBytes === 0);
  const fits = exact.length > 0 ? exact : all;
  const best = fits[0];
  if (!best)
    return {
      ...withIssue(withSelector, {
        code: 'malformed',
        message: `The data is not a valid encoding of ${candidates.map((c) => c.signature).join(' or ')}.`,
      }),
      candidates: candidates.map((c) => c.signature),
    };

  // A function of the called contract's own ABI settles it. Otherwise a single fit from a vetted
  // ABI outranks fits known only as text signatures (selector collisions are mined on purpose:
  // `watch_tg_invmru_2f69f1b(address,address)` shares approve's selector), which are still listed;
  // several vetted fits, or several text-only fits, stay several.
  const bound = best.candidate.origin === 'bound';
  const distinct = [...new Set(fits.map((f) => f.candidate.signature))];
  const vetted = new Set(fits.filter((f) => f.candidate.origin !== 'text').map((f) => f.candidate.signature));
  const settled = distinct.length === 1 || vetted.size === 1;
  const source = bound ? 'registry' : settled ? 'signature' : 'ambiguous';
  const trailing = best.fit.trailingBytes;
  const node: DecodedCall = {
    ...withSelector,
    source,
    // Bytes after the arguments (often an app's referral tag) are data no decode accounts for.
    confidence:
      trailing > 0
        ? Math.min(sourceConfidence[source], sourceConfidence.signature)
        : sourceConfidence[source],
    function: {
      name: best.candidate.item.name,
      signature: best.candidate.signature,
      item: best.candidate.item,
    },
    args: best.fit.args,
    ...(source === 'ambiguous' && { candidates: distinct }),
    ...(source === 'signature' &&
      distinct.length > 1 && { collisions: distinct.filter((s) => s !== best.candidate.signature) }),
    ...(trailing > 0 && {
      issue: {
        code: 'trailingData' as const,
        message: `${trailing} bytes follow the encoded arguments; the function's ABI does not account for them.`,
      },
    }),
  };
  return expand(node, call.to, depth, budget);
}

/** Decodes the calls nested in a decoded node, within the depth and size limits. */
function expand(
  node: DecodedCall,
  self: Address | null | undefined,
  depth: number,
  budget: DecodeBudget,
): DecodedCall {
  const signature = node.function?.signature;
  if (!signature) return node;
  const isRouter = signature === 'execute(bytes,bytes[],uint256)' || signature === 'execute(bytes,bytes[])';
  const v4Plan = v4PlanOf(signature, node.args);
  const nested =
    isRouter || v4Plan ? undefined : childCalls(signature, node.args, self, budget.limits.maxNodes);
  if (!isRouter && !v4Plan && !nested) return node;
  if (depth + 1 > budget.limits.maxDepth)
    return {
      ...node,
      issue: {
        code: 'tooDeep',
        message: `Nested calls deeper than ${budget.limits.maxDepth} levels are not decoded.`,
      },
      confidence: Math.min(node.confidence, sourceConfidence.none),
    };
  if (v4Plan) {
    if ('error' in v4Plan)
      return {
        ...node,
        issue: { code: 'invalidNested', message: v4Plan.error },
        confidence: sourceConfidence.none,
      };
    const plan = decodeV4Actions(v4Plan.args, budget);
    return {
      ...node,
      children: plan.children,
      ...(plan.issue && { issue: plan.issue, confidence: sourceConfidence.none }),
    };
  }
  if (isRouter) {
    const plan = decodeRouterPlan(node.args, routerVersion(node.contract?.id), depth + 1, budget);
    return { ...node, children: plan.children, ...(plan.issue && { issue: plan.issue }) };
  }
  if (nested && 'error' in nested)
    return {
      ...node,
      issue: { code: 'invalidNested', message: nested.error },
      confidence: sourceConfidence.none,
    };
  const children: DecodedCall[] = [];
  let issue: DecodeIssue | undefined;
  for (const call of nested?.calls ?? []) {
    if (budget.nodes >= budget.limits.maxNodes) {
      issue = {
        code: 'tooManyCalls',
        message: `More than ${budget.limits.maxNodes} nested calls: the rest are not decoded.`,
      };
      break;
    }
    children.push(decodeNode(call, depth + 1, budget));
  }
  return { ...node, children, ...(issue && { issue, confidence: sourceConfidence.none }) };
}

const v4Plan = [
  { name: 'actions', type: 'bytes' },
  { name: 'params', type: 'bytes[]' },
] as const;

/**
 * Uniswap v4 PositionManager calls carry a plan of actions: `modifyLiquidities(bytes unlockData,
 * uint256 deadline)` with `unlockData = abi.encode(bytes actions, bytes[] params)`, and
 * `modifyLiquiditiesWithoutUnlock(bytes actions, bytes[] params)`.
 */
function v4PlanOf(
  signature: string,
  args: readonly DecodedArgument[],
): { args: readonly DecodedArgument[] } | { error: string } | undefined {
  if (signature === 'modifyLiquiditiesWithoutUnlock(bytes,bytes[])') return { args };
  if (signature !== 'modifyLiquidities(bytes,uint256)') return undefined;
  const plan = fitParameters(v4Plan, args[0]?.value as Hex);
  return plan
    ? { args: plan }
    : { error: 'unlockData is not an encoded (bytes actions, bytes[] params) plan' };
}

/** No function is known: show a guessed layout of the arguments, labelled as a guess (γ 0.3). */
function guessed<T extends { readonly args: readonly DecodedArgument[] }>(
  node: T,
  data: Hex,
  selector: Hex,
): T & Pick<DecodedCall, 'source' | 'confidence' | 'issue' | 'args'> {
  const layout = guessLayout(data);
  if (!layout)
    return withIssue(node, {
      code: 'unknownSelector',
      message: `No known function has the selector ${selector}.`,
    });
  return {
    ...node,
    source: 'guess',
    confidence: sourceConfidence.guess,
    args: layout.params.map((param, i) => ({
      name: `arg${i}`,
      type: param.type,
      param,
      value: layout.values[i],
    })),
    issue: {
      code: 'unknownSelector',
      message: `No known function has the selector ${selector}; the argument types shown are guessed from the bytes.`,
    },
  };
}

function withIssue<T extends object>(
  node: T,
  issue: DecodeIssue,
): T & { source: 'none'; confidence: number; issue: DecodeIssue } {
  return { ...node, source: 'none', confidence: sourceConfidence.none, issue };
}
