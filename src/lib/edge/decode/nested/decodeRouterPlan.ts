import type { Address, Hex } from 'viem';
import type { DecodeBudget } from '../decodeCall';
import { decodeNode } from '../decodeCall';
import { fitParameters } from '../fitParameters';
import { type DecodedArgument, type DecodedCall, type DecodeIssue, sourceConfidence } from '../types';
import { decodeV3Path } from './decodeV3Path';
import {
  type CommandSpec,
  commandSpec,
  commandType,
  type UniversalRouterVersion,
} from './universalRouterCommands';
import { v4ActionSpec } from './v4Actions';

/** Where the marketplace commands of Universal Router v1 send their calls (same address on every chain). */
const marketTargets: Readonly<Record<string, Address>> = {
  'seaport-1.5': '0x00000000000000ADc04C56Bf30aC9d3c0aAF14dC',
  'seaport-1.4': '0x00000000000001ad428e4906aE43D8F9852d0dD6',
};

/** The router generation of a registry contract id such as `uniswap.universal-router@1.2`. */
export function routerVersion(contractId: string | undefined): UniversalRouterVersion | undefined {
  const match = contractId ? /universal-router@(\d+)/.exec(contractId) : null;
  if (match?.[1] === '1') return 'v1';
  if (match?.[1] === '2') return 'v2';
  return undefined;
}

/** The commands of a router plan, decoded, and a problem with the plan as a whole. */
export type RouterPlan = { readonly children: readonly DecodedCall[]; readonly issue?: DecodeIssue };

/**
 * Decodes a Universal Router plan (`commands` bytes, one per `inputs` entry) into one node per
 * command. Commands whose meaning depends on the router generation are decoded only when the
 * generation is known; an unknown command byte is reported, never guessed.
 */
export function decodeRouterPlan(
  args: readonly DecodedArgument[],
  version: UniversalRouterVersion | undefined,
  depth: number,
  budget: DecodeBudget,
): RouterPlan {
  const commands = args[0]?.value as Hex;
  const inputs = args[1]?.value as readonly Hex[];
  const count = (commands.length - 2) / 2;
  if (count !== inputs.length)
    return {
      children: [],
      issue: {
        code: 'invalidNested',
        message: `The plan has ${count} commands but ${inputs.length} inputs.`,
      },
    };
  const children: DecodedCall[] = [];
  for (let i = 0; i < count; i++) {
    if (budget.nodes >= budget.limits.maxNodes)
      return {
        children,
        issue: {
          code: 'tooManyCalls',
          message: `More than ${budget.limits.maxNodes} nested steps: the rest are not decoded.`,
        },
      };
    const byte = Number.parseInt(commands.slice(2 + i * 2, 4 + i * 2), 16);
    children.push(decodeCommand(byte, inputs[i] as Hex, version, depth, budget));
  }
  return { children };
}

function decodeCommand(
  byte: number,
  input: Hex,
  version: UniversalRouterVersion | undefined,
  depth: number,
  budget: DecodeBudget,
): DecodedCall {
  budget.nodes++;
  const { type, allowRevert } = commandType(byte);
  const spec = commandSpec(type, version);
  const base = {
    kind: 'command' as const,
    dataSize: (input.length - 2) / 2,
    command: { byte, allowRevert },
    args: [] as readonly DecodedArgument[],
    children: [] as readonly DecodedCall[],
  };
  const hex = `0x${type.toString(16).padStart(2, '0')}`;
  if (!spec)
    return {
      ...base,
      source: 'none',
      confidence: sourceConfidence.none,
      issue: {
        code: 'unknownCommand',
        message: version
          ? `Command ${hex} is not a Universal Router ${version} command Vigil knows.`
          : `Command ${hex} means different things in different Universal Router versions, and this router's version is not known.`,
      },
    };
  // The table comes from the router's own source: as good as a bound ABI when the generation is known.
  const source = version ? 'registry' : 'signature';
  const fn = { name: spec.name, signature: `${spec.name}(${spec.inputs.map((p) => p.type).join(',')})` };
  if (spec.nesting?.kind === 'rawCall') {
    const child = decodeNode({ data: input }, depth + 1, budget);
    return { ...base, source, confidence: sourceConfidence[source], function: fn, children: [child] };
  }
  const args = fitParameters(spec.inputs, input);
  if (!args)
    return {
      ...base,
      source: 'none',
      confidence: sourceConfidence.none,
      function: fn,
      issue: {
        code: 'malformed',
        message: `The input of ${spec.name} is not a valid encoding of its parameters.`,
      },
    };
  const route = swapRoute(spec.name, args);
  if (route === null)
    return {
      ...base,
      source: 'none',
      confidence: sourceConfidence.none,
      function: fn,
      args,
      issue: { code: 'invalidNested', message: `The path of ${spec.name} is not a valid Uniswap V3 path.` },
    };
  const node: DecodedCall = {
    ...base,
    source,
    confidence: sourceConfidence[source],
    function: fn,
    args,
    ...(route && { route }),
  };
  return { ...node, ...nestedOf(spec, args, version, depth, budget) };
}

/**
 * The tokens a swap command goes through, input first. V3 paths are packed `token ‖ fee ‖ token …`,
 * written output-first for exact-output swaps; V2 paths are address lists, input first.
 * `undefined` for commands that are not swaps; `null` for a V3 path that does not decode.
 */
function swapRoute(name: string, args: readonly DecodedArgument[]): readonly Address[] | undefined | null {
  const path = args[3]?.value;
  if (name === 'V2_SWAP_EXACT_IN' || name === 'V2_SWAP_EXACT_OUT') return path as readonly Address[];
  if (name !== 'V3_SWAP_EXACT_IN' && name !== 'V3_SWAP_EXACT_OUT') return undefined;
  const hops = decodeV3Path(path as Hex);
  if (!hops) return null;
  const tokens = [hops[0]?.tokenIn as Address, ...hops.map((hop) => hop.tokenOut)];
  return name === 'V3_SWAP_EXACT_OUT' ? tokens.reverse() : tokens;
}

function nestedOf(
  spec: CommandSpec,
  args: readonly DecodedArgument[],
  version: UniversalRouterVersion | undefined,
  depth: number,
  budget: DecodeBudget,
): Partial<Pick<DecodedCall, 'children' | 'issue'>> {
  const nesting = spec.nesting;
  if (!nesting) return {};
  if (depth + 1 > budget.limits.maxDepth)
    return {
      issue: {
        code: 'tooDeep',
        message: `Nested steps deeper than ${budget.limits.maxDepth} levels are not decoded.`,
      },
    };
  if (nesting.kind === 'subPlan') return decodeRouterPlan(args, version, depth + 1, budget);
  if (nesting.kind === 'call')
    return {
      children: [
        decodeNode(
          { to: marketTargets[nesting.target], value: args[0]?.value as bigint, data: args[1]?.value as Hex },
          depth + 1,
          budget,
        ),
      ],
    };
  if (nesting.kind === 'v4Actions') return decodeV4Actions(args, budget);
  return {};
}

/** Decodes a Uniswap v4 plan `(bytes actions, bytes[] params)` into one node per action. */
export function decodeV4Actions(
  args: readonly DecodedArgument[],
  budget: DecodeBudget,
): Pick<DecodedCall, 'children'> & { issue?: DecodeIssue } {
  const actions = args[0]?.value as Hex;
  const params = args[1]?.value as readonly Hex[];
  const count = (actions.length - 2) / 2;
  if (count !== params.length)
    return {
      children: [],
      issue: {
        code: 'invalidNested',
        message: `The v4 plan has ${count} actions but ${params.length} parameter blocks.`,
      },
    };
  const children: DecodedCall[] = [];
  for (let i = 0; i < count; i++) {
    budget.nodes++;
    const byte = Number.parseInt(actions.slice(2 + i * 2, 4 + i * 2), 16);
    const data = params[i] as Hex;
    const spec = v4ActionSpec(byte);
    const base = {
      kind: 'action' as const,
      dataSize: (data.length - 2) / 2,
      command: { byte, allowRevert: false },
      children: [],
    };
    const decoded = spec ? fitParameters(spec.inputs, data) : undefined;
    if (!spec || !decoded) {
      const hex = `0x${byte.toString(16).padStart(2, '0')}`;
      children.push({
        ...base,
        args: [],
        source: 'none',
        confidence: sourceConfidence.none,
        ...(spec && { function: { name: spec.name, signature: spec.name } }),
        issue: spec
          ? {
              code: 'malformed',
              message: `The params of ${spec.name} are not a valid encoding of its parameters.`,
            }
          : { code: 'unknownCommand', message: `Uniswap v4 action ${hex} is not one Vigil decodes.` },
      });
      continue;
    }
    children.push({
      ...base,
      args: decoded,
      source: 'registry',
      confidence: sourceConfidence.registry,
      function: { name: spec.name, signature: `${spec.name}(${spec.inputs.map((p) => p.type).join(',')})` },
    });
  }
  return { children };
}
