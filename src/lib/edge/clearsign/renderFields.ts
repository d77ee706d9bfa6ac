import { ClearSignFormatError, ClearSignPathError } from './errors';
import { formatRaw } from './formats/formatRaw';
import { parsePath } from './parsePath';
import { renderValue } from './renderValue';
import { resolveConstant } from './resolveConstant';
import { type PathMatch, type PathScope, resolvePath } from './resolvePath';
import type { ClearSignField, DescriptorField, RenderContext, ValueNode } from './types';

/** The rendered fields of a format, and what went wrong on the way. */
export type RenderFieldsReturnType = { fields: ClearSignField[]; warnings: string[] };

const MAX_GROUP_DEPTH = 8;

/**
 * Renders the `fields` of a display format in order: nested field groups are walked (their paths
 * are relative to the group), `[]` paths give one line per element, hidden fields are skipped.
 * A path that does not resolve or a value a format cannot render becomes a warning (and the raw
 * value where there is one): never an exception.
 */
export function renderFields(fields: readonly DescriptorField[], ctx: RenderContext): RenderFieldsReturnType {
  const out: RenderFieldsReturnType = { fields: [], warnings: [] };
  walkFields(fields, ctx, undefined, 0, out);
  return out;
}

function walkFields(
  fields: readonly DescriptorField[],
  ctx: RenderContext,
  scope: PathScope | undefined,
  depth: number,
  out: RenderFieldsReturnType,
): void {
  if (depth > MAX_GROUP_DEPTH) {
    out.warnings.push(`Field groups nest deeper than ${MAX_GROUP_DEPTH}: the rest is not shown.`);
    return;
  }
  for (const field of fields) {
    if (field.visible === 'never') continue;
    const label = field.label ?? field.path ?? '(unlabelled)';
    try {
      if (field.fields) {
        const groups = field.path === undefined ? [scope] : resolve(field.path, ctx, scope);
        for (const group of groups) walkFields(field.fields, ctx, group, depth + 1, out);
        continue;
      }
      if (field.value !== undefined) {
        renderConstant(field, label, ctx, out);
        continue;
      }
      if (field.path === undefined) {
        out.warnings.push(`${label}: the field has neither a path nor a value.`);
        continue;
      }
      for (const match of resolve(field.path, ctx, scope)) {
        if (!visible(field, match.node, label, out.warnings)) continue;
        const ownBindings = match.bindings.slice(scope?.bindings.length ?? 0);
        const rendered = renderValue({
          field,
          label,
          path: match.path,
          node: match.node,
          ctx,
          lookup: (paramPath) => lookup(paramPath, ctx, scope, match.bindings, ownBindings),
        });
        out.fields.push(...rendered.fields);
        out.warnings.push(...rendered.warnings);
      }
    } catch (error) {
      if (!(error instanceof ClearSignPathError || error instanceof ClearSignFormatError)) throw error;
      out.warnings.push(`${label}: ${error.shortMessage}`);
    }
  }
}

function resolve(path: string, ctx: RenderContext, scope: PathScope | undefined): PathMatch[] {
  return resolvePath(parsePath(path), ctx.data, ctx.container, scope ? { scope } : {});
}

/**
 * Resolves a parameter path (`tokenPath`, `calleePath`…) for the element a field is showing: its
 * `[]` take the field's indices (all of them for a `#.` path, the field's own for a relative one).
 */
function lookup(
  path: string,
  ctx: RenderContext,
  scope: PathScope | undefined,
  bindings: readonly number[],
  ownBindings: readonly number[],
): ValueNode {
  const parsed = parsePath(path);
  if (parsed.root === 'descriptor') return constantNode(resolveConstant(path, ctx.descriptor), path);
  const relative = parsed.root === 'relative';
  const matches = resolvePath(parsed, ctx.data, ctx.container, {
    ...(relative && scope ? { scope } : {}),
    bindings: relative ? ownBindings : bindings,
  });
  const first = matches[0];
  if (!first) throw new ClearSignPathError(path, 'leads to no value (an empty array)');
  return first.node;
}

function renderConstant(
  field: DescriptorField,
  label: string,
  ctx: RenderContext,
  out: RenderFieldsReturnType,
): void {
  const value = resolveConstant(field.value, ctx.descriptor);
  const path = typeof field.value === 'string' && field.value.startsWith('$.') ? field.value : '$';
  const rendered = renderValue({
    field,
    label,
    path,
    node: constantNode(value, path),
    ctx,
    lookup: (paramPath) => lookup(paramPath, ctx, undefined, [], []),
  });
  out.fields.push(...rendered.fields);
  out.warnings.push(...rendered.warnings);
}

/** A descriptor constant as a value: numbers as integers, 20-byte hex as an address, hex as bytes. */
function constantNode(value: unknown, path: string): ValueNode {
  if (typeof value === 'number' && Number.isSafeInteger(value))
    return { kind: 'leaf', type: 'uint256', value: BigInt(value) };
  if (typeof value === 'boolean') return { kind: 'leaf', type: 'bool', value };
  if (typeof value === 'string') {
    if (/^0x[0-9a-fA-F]{40}$/.test(value)) return { kind: 'leaf', type: 'address', value };
    if (/^0x[0-9a-fA-F]*$/.test(value) && value.length % 2 === 0)
      return { kind: 'leaf', type: 'bytes', value: value.toLowerCase() };
    return { kind: 'leaf', type: 'string', value };
  }
  throw new ClearSignPathError(path, 'the constant is not a number, a bool or text');
}

/** `visible` conditions: `{ ifNotIn: [...] }` hides listed values, `{ mustMatch: [...] }` hides a
 * matching value and shows (with a warning) any other. */
function visible(field: DescriptorField, node: ValueNode, label: string, warnings: string[]): boolean {
  const rule = field.visible;
  if (typeof rule !== 'object' || rule === null) return true;
  const raw = formatRaw(node).toLowerCase();
  const listed = (values: unknown) =>
    Array.isArray(values) && values.some((value) => String(value).toLowerCase() === raw);
  if ('ifNotIn' in rule) return !listed(rule.ifNotIn);
  if ('mustMatch' in rule) {
    if (listed(rule.mustMatch)) return false;
    warnings.push(`${label}: ${raw} is not one of the values the descriptor expects here.`);
    return true;
  }
  warnings.push(`${label}: unknown visibility rule ${JSON.stringify(rule)}; shown.`);
  return true;
}
