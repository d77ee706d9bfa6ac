import type { DecodedCall, DecodeIssueCode, DecodeSource } from '$lib/edge/decode/types';
import type { ParseErrorCode } from '$lib/edge/errors';
import type { TraceEntry, Verdict } from '$lib/edge/gate/decision';
import type { Severity } from '$lib/edge/gate/policy';
import type { ActionKind, AssetAmount, Counterparty, Intent, Permission } from '$lib/edge/intent/types';
import type { PayloadKind } from '$lib/edge/payload';
import type { FieldKey } from '$lib/edge/view';
import { adviceEn } from './parts/advice';
import { cloudEn } from './parts/cloud';
import { contextEn } from './parts/context';
import { dataEn } from './parts/data';
import { historyEn } from './parts/history';
import { modelsEn } from './parts/models';
import { settingsEn } from './parts/settings';
import { tiersEn } from './parts/tiers';
import { walletEn } from './parts/wallet';
import { walletConnectEn } from './parts/walletConnect';

/**
 * The English catalogue: the source of truth for message keys. Every other catalogue must have
 * exactly these keys (checked by the type of `Messages` and by `catalogue.test.ts`).
 * `{name}` marks a placeholder filled by `t(key, { name })`.
 */
export const en = {
  'app.name': 'Vigil',
  'app.tagline': 'See what a transaction or signature really does before you sign it.',
  'app.title': 'Vigil — transaction guard',
  'app.description':
    'Paste calldata, a transaction, a raw signed transaction, EIP-712 typed data or an EIP-681 URI and see what it does. Runs in your browser, works offline.',
  'app.skipToContent': 'Skip to the inspector',
  'app.homeLink': 'Vigil home',

  'common.yes': 'Yes',
  'common.no': 'No',

  'lang.label': 'Language',

  'pwa.install': 'Install Vigil',
  'pwa.installAria': 'Install Vigil as an app on this device',
  'pwa.updateAvailable': 'Update available — a new version of Vigil is ready.',
  'pwa.reload': 'Reload',
  'pwa.dismiss': 'Later',
  'pwa.offlineReady': 'Ready to work offline.',
  'pwa.close': 'Close',
  'pwa.registerFailed': 'Offline support could not be set up: {message}',

  'status.online': 'Online',
  'status.offline': 'Offline',
  'status.offlineCapable': 'works offline',
  'status.edgeOnly': 'Decoding runs on this device. Nothing you paste is sent anywhere.',
  'status.label': 'Status',

  'input.label': 'Calldata, transaction, typed data or URI',
  'input.placeholder':
    'Paste 0x… calldata, a raw transaction, transaction JSON, EIP-712 typed data or an ethereum: URI',
  'input.hint': 'Press {shortcut} or / to focus. Drop a .txt or .json file here.',
  'input.inspect': 'Inspect',
  'input.clear': 'Clear',
  'input.openFile': 'Open file…',
  'input.chars': '{count} characters',
  'input.dropHere': 'Drop the file to inspect its text',

  'drop.tooLarge': 'The file “{name}” is {size}; the limit is 4 MiB. Nothing was loaded.',
  'drop.unsupported': 'The file “{name}” is not a text or JSON file. Drop a .txt or .json file.',
  'drop.readFailed': 'The file “{name}” could not be read: {message}',
  'drop.loaded': 'Loaded “{name}”.',

  'empty.title': 'Paste something to inspect',
  'empty.body':
    'Vigil reads what you are about to sign and shows it plainly: who receives what, which contract is called, and with which arguments.',
  'empty.accepts': 'It understands:',
  'empty.acceptCalldata': 'contract calldata (0x… with a 4-byte selector)',
  'empty.acceptTx': 'a transaction request as JSON, or an eth_sendTransaction call',
  'empty.acceptRaw': 'a raw, signed or unsigned, serialized transaction',
  'empty.acceptTyped': 'EIP-712 typed data (eth_signTypedData_v4), personal_sign messages',
  'empty.acceptUri': 'EIP-681 ethereum: payment and call URIs',
  'empty.acceptBatch': 'EIP-5792 call batches and ERC-4337 user operations',
  'empty.examples': 'Try an example',
  'example.approve': 'ERC-20 approve (unlimited)',
  'example.safe': 'Safe transaction batch (MultiSend)',
  'example.router': 'Uniswap Universal Router swap',
  'example.uri': 'EIP-681 token transfer URI',
  'example.permit': 'EIP-2612 Permit typed data',
  'example.tx': 'Transaction JSON',

  'result.heading': 'What this is',
  'result.kind': 'Detected kind',

  'verdict.heading': 'Verdict',
  'verdict.allow': 'Allow',
  'verdict.stepup': 'Step up',
  'verdict.block': 'Block',
  'verdict.allowLead': 'Nothing serious found',
  'verdict.stepupLead': 'Check before signing',
  'verdict.blockLead': 'Do not sign',
  'verdict.checks': 'What to check before signing',
  'verdict.confidence': 'Decode confidence {percent}%',
  'verdict.policy': 'Policy',
  'verdict.policyHash': 'policy hash',
  'verdict.payloadHash': 'Payload hash',
  'verdict.announce': '{verdict}: {lead}.',

  'severity.label': 'Severity',
  'severity.info': 'info',
  'severity.low': 'low',
  'severity.medium': 'medium',
  'severity.high': 'high',
  'severity.critical': 'critical',

  'trace.why': 'Why?',
  'trace.count': '{count} rules checked, {fired} fired',
  'trace.fired': 'fired',
  'trace.clear': 'clear',
  'trace.disabled': 'disabled',
  'trace.skipped': 'skipped',
  'trace.missing': 'missing: {facts}',

  'copy.button': 'Copy',
  'copy.aria': 'Copy {label}',
  'copy.done': 'Copied',
  'copy.doneAria': '{label} copied to the clipboard',
  'copy.failed': 'Copy failed',
  'copy.failedAria': 'Could not copy {label}: {message}',

  'action.nativeTransfer': 'Send native currency',
  'action.tokenTransfer': 'Transfer tokens',
  'action.approve': 'Approve a spender',
  'action.permit': 'Sign a token permit',
  'action.setApprovalForAll': 'Approve an operator for a whole collection',
  'action.swap': 'Swap',
  'action.order': 'Trade order',
  'action.bridge': 'Bridge to another chain',
  'action.stake': 'Stake',
  'action.deposit': 'Deposit',
  'action.withdraw': 'Withdraw',
  'action.delegate': 'Delegate',
  'action.adminChange': 'Change who controls a contract',
  'action.batch': 'Batch of {count} actions',
  'action.batchOne': 'Batch of 1 action',
  'action.deploy': 'Deploy a contract',
  'action.messageSignature': 'Sign a message',
  'action.unknown': 'Unknown action',

  'summary.includes': 'Includes',
  'summary.assets': 'Assets',
  'summary.counterparties': 'Counterparties',
  'summary.permissions': 'Permissions granted',
  'summary.grantedTo': 'to',
  'summary.expires': 'expires {date}',
  'summary.expiresUnix': 'expires at Unix time {value}',

  'role.send': 'You send',
  'role.receive': 'You receive',
  'role.allow': 'You allow',

  'party.recipient': 'Recipient',
  'party.spender': 'Spender',
  'party.operator': 'Operator',
  'party.delegate': 'Delegate',
  'party.newOwner': 'New owner',
  'party.implementation': 'New implementation',
  'party.target': 'Target',

  'permission.allowance': 'Token allowance',
  'permission.operator': 'Operator over your tokens',
  'permission.delegation': 'Delegation',
  'permission.ownership': 'Ownership',

  'asset.unlimited': 'Unlimited',
  'asset.unknownToken': 'unknown token',
  'asset.tokenNotGiven': 'token contract not given',
  'asset.native': 'native currency',
  'asset.tokenId': 'token #{id}',
  'asset.noAmount': 'amount not given',

  'confidence.label': 'Confidence {percent}% — {reason}',
  'confidence.withIssue': '{source}, with {issue}',
  'confidence.meter': 'Decoding confidence',

  'source.registry': 'Verified ABI for this contract',
  'source.signature': 'Known function signature (contract not verified)',
  'source.ambiguous': 'Several functions match',
  'source.guess': 'Guessed layout',
  'source.none': 'Not decoded',
  'source.empty': 'No data',
  'source.typedData': 'Read from the typed data and its declared types',
  'source.message': 'A plain message: nothing to decode',
  'source.payload': 'Read from the request itself',

  'sourceShort.registry': 'Verified ABI',
  'sourceShort.signature': 'Signature only',
  'sourceShort.ambiguous': 'Ambiguous',
  'sourceShort.guess': 'Guessed',
  'sourceShort.none': 'Not decoded',
  'sourceShort.empty': 'No data',
  'provenance.gamma': 'γ {value}',

  'issue.truncated': 'The data is shorter than a 4-byte function selector; it calls no known function.',
  'issue.unknownSelector':
    'No known function has the selector {selector}. Vigil cannot say what this call does; treat it with care.',
  'issue.malformed': 'The selector is known, but the data is not a valid encoding of any function with it.',
  'issue.trailingData':
    'Extra bytes follow the arguments. The function does not read them, and nothing shown here covers them.',
  'issue.tooDeep': 'Nested too deep: Vigil stopped decoding here.',
  'issue.tooManyCalls': 'Too many nested calls: the rest are not decoded.',
  'issue.invalidNested': 'The calls nested in this one are malformed and could not be read.',
  'issue.unknownCommand': 'Vigil does not know this command and cannot say what it does.',
  'issueTitle.truncated': 'data too short',
  'issueTitle.unknownSelector': 'unknown function',
  'issueTitle.malformed': 'malformed data',
  'issueTitle.trailingData': 'extra bytes after the arguments',
  'issueTitle.tooDeep': 'nesting too deep to decode',
  'issueTitle.tooManyCalls': 'too many nested calls to decode',
  'issueTitle.invalidNested': 'malformed nested calls',
  'issueTitle.unknownCommand': 'unknown command',
  'issue.details': 'Decoder message',

  'clearSign.heading': 'Clear signing',
  'clearSign.descriptor': 'ERC-7730 descriptor',
  'clearSign.owner': 'by {owner}',
  'clearSign.generic': 'Generic descriptor: this contract is not in the clear-signing registry.',
  'clearSign.warnings': 'Notes',

  'tree.heading': 'Decoded calls',
  'tree.count': '{count} calls',
  'tree.nested': 'Nested calls',

  'node.kind.call': 'Call',
  'node.kind.command': 'Command',
  'node.kind.action': 'v4 action',
  'node.unknown': 'Unknown function',
  'node.noData': 'Value transfer (no data)',
  'node.to': 'To',
  'node.toCreate': 'New contract (no recipient)',
  'node.value': 'Value',
  'node.operation': 'Operation',
  'node.call': 'Call',
  'node.delegatecall': 'Delegatecall: runs the target’s code as this account, with its storage and funds',
  'node.delegatecallBadge': 'delegatecall',
  'node.dataSize': 'Data',
  'node.bytes': '{count} bytes',
  'node.selector': 'Selector',
  'node.commandByte': 'Command byte',
  'node.allowRevert': 'May fail without failing the rest',
  'node.candidates': 'Several functions fit this data; Vigil cannot tell which one is meant:',
  'node.collisions':
    'Also fits, by selector only (signatures no vetted ABI defines, most likely made to collide):',
  'node.args': 'Arguments',
  'node.argsCount': 'Arguments ({count})',
  'node.argUnnamed': 'argument {index}',
  'node.noArgs': 'This function takes no arguments.',
  'node.emptyList': 'empty list',

  'hashes.heading': 'Hashes (match these on your hardware wallet)',
  'raw.heading': 'Raw fields',

  'error.heading': 'This input could not be read',
  'error.technical': 'Parser message',
  'error.path': 'At {path}',
  'error.position': 'At character {position}',
  'error.expected': 'Expected: {expected}',
  'error.details': 'Details',
  'error.keepWorking': 'Your text is still in the box above; fix it and Vigil reads it again.',
  'error.internal':
    'Vigil hit an internal error while reading this input. It is not safe to rely on any result.',
  'error.empty': 'There is nothing to inspect: the input is empty.',
  'error.tooLarge': 'The input is larger than Vigil reads. Paste only the transaction or message itself.',
  'error.unrecognized':
    'Vigil does not recognize this as calldata, a transaction, typed data, a message or an ethereum: URI.',
  'error.invalidHex': 'The hex contains a character that is not a hex digit (0-9, a-f).',
  'error.oddLength': 'The hex has an odd number of digits — a byte is cut in half.',
  'error.tooShort': 'The input is too short to be what it claims; calldata needs at least a 4-byte selector.',
  'error.invalidJson': 'The JSON is malformed: check brackets, quotes and commas.',
  'error.tooDeep': 'The JSON is nested deeper than Vigil reads.',
  'error.missingField': 'A required field is missing.',
  'error.invalidField': 'A field has the wrong type or an invalid value.',
  'error.conflictingFields': 'Two fields that must agree say different things (for example data and input).',
  'error.invalidAddress': 'An address is malformed or fails its checksum. Check it character by character.',
  'error.invalidQuantity': 'A number is negative, fractional, imprecise or out of range.',
  'error.unsupportedMethod': 'This JSON-RPC method is not one Vigil inspects.',
  'error.invalidRawTransaction': 'The raw transaction does not decode, or is not canonically encoded.',
  'error.invalidSignature': 'The signature is invalid: no signer can be recovered from it.',
  'error.invalidTypedData': 'The EIP-712 typed data is not well-formed.',
  'error.invalidUri': 'The ethereum: URI is not well-formed.',
  'error.unsupported': 'The input is well-formed but uses a feature Vigil does not handle yet.',
  'error.looksLikeAddress':
    'This is an address, not something to sign. Paste the transaction, calldata or signature request instead.',
  'error.looksLikeHash':
    'These 32 bytes look like a hash (of a transaction or a message). Vigil reads the bytes you are asked to sign, not hashes: paste the request itself.',

  'kind.calldata': 'Calldata',
  'kind.transaction': 'Transaction',
  'kind.rawTransaction': 'Raw transaction',
  'kind.typedData': 'EIP-712 typed data',
  'kind.message': 'Signed message',
  'kind.eip681': 'EIP-681 URI',
  'kind.callBatch': 'Call batch (EIP-5792)',
  'kind.userOperation': 'User operation (ERC-4337)',

  'field.chain': 'Chain',
  'field.from': 'From',
  'field.contractCreation': 'Contract creation',
  'field.to': 'To',
  'field.value': 'Value',
  'field.txType': 'Transaction type',
  'field.signed': 'Signed',
  'field.hash': 'Hash',
  'field.nonce': 'Nonce',
  'field.gas': 'Gas limit',
  'field.gasPrice': 'Gas price',
  'field.maxFeePerGas': 'Max fee per gas',
  'field.maxPriorityFeePerGas': 'Max priority fee per gas',
  'field.maxFeePerBlobGas': 'Max fee per blob gas',
  'field.blobCount': 'Blobs',
  'field.accessList': 'Access list',
  'field.authorizations': 'Authorizations (EIP-7702)',
  'field.dataSize': 'Data size',
  'field.selector': 'Selector',
  'field.data': 'Data',
  'field.method': 'RPC method',
  'field.primaryType': 'Primary type',
  'field.domainName': 'Domain name',
  'field.domainVersion': 'Domain version',
  'field.verifyingContract': 'Verifying contract',
  'field.domainSeparator': 'Domain separator',
  'field.structHash': 'Struct hash',
  'field.digest': 'Digest',
  'field.message': 'Message',
  'field.messageText': 'Message text',
  'field.entryPoint': 'Entry point',
  'field.sender': 'Sender',
  'field.callCount': 'Calls',
  'field.atomicRequired': 'Atomic required',
  'field.capabilities': 'Capabilities',
  'field.uri': 'URI',
  'field.function': 'Function',

  ...contextEn,
  ...settingsEn,
  ...historyEn,
  ...dataEn,
  ...walletEn,
  ...modelsEn,
  ...adviceEn,
  ...tiersEn,
  ...walletConnectEn,
  ...cloudEn,
} satisfies Record<string, string> &
  Record<`field.${FieldKey}`, string> &
  Record<`kind.${PayloadKind}`, string> &
  Record<`error.${ParseErrorCode}`, string> &
  Record<`action.${ActionKind}`, string> &
  Record<`source.${Intent['source']}` | `sourceShort.${DecodeSource}`, string> &
  Record<`issue.${DecodeIssueCode}` | `issueTitle.${DecodeIssueCode}`, string> &
  Record<`role.${AssetAmount['role']}`, string> &
  Record<`party.${Counterparty['role']}`, string> &
  Record<`permission.${Permission['kind']}`, string> &
  Record<`node.kind.${DecodedCall['kind']}`, string> &
  Record<`verdict.${Verdict}` | `verdict.${Verdict}Lead`, string> &
  Record<`severity.${Severity}`, string> &
  Record<`trace.${TraceEntry['outcome']}`, string>;

/** A message key. */
export type MessageKey = keyof typeof en;

/** A complete catalogue: exactly the keys of {@link en}. */
export type Messages = Readonly<Record<MessageKey, string>>;
