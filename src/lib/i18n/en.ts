import type { ParseErrorCode } from '$lib/edge/errors';
import type { PayloadKind } from '$lib/edge/payload';
import type { CallDecode, FieldKey } from '$lib/edge/view';

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
  'example.transfer': 'ERC-20 transfer',
  'example.uri': 'EIP-681 token transfer URI',
  'example.permit': 'EIP-2612 Permit typed data',
  'example.tx': 'Transaction JSON',

  'result.heading': 'What this is',
  'result.kind': 'Detected kind',
  'result.fields': 'Fields',
  'result.calls': 'Calls',
  'result.callsCount': '{count} calls',
  'result.inspecting': 'Inspecting…',

  'copy.button': 'Copy',
  'copy.aria': 'Copy {label}',
  'copy.done': 'Copied',
  'copy.doneAria': '{label} copied to the clipboard',
  'copy.failed': 'Copy failed',
  'copy.failedAria': 'Could not copy {label}: {message}',

  'call.heading': 'Call {index}',
  'call.to': 'To',
  'call.toCreate': 'New contract (no recipient)',
  'call.toNone': 'Not given',
  'call.value': 'Value',
  'call.valueEth': '{amount} ETH',
  'call.valueWei': '{amount} wei',
  'call.dataSize': 'Data',
  'call.bytes': '{count} bytes',
  'call.decode': 'Decoded call',
  'call.signature': 'Function',
  'call.selector': 'Selector',
  'call.standards': 'Found in',
  'call.args': 'Arguments',
  'call.argName': 'Name',
  'call.argType': 'Type',
  'call.argValue': 'Value',
  'call.argUnnamed': 'argument {index}',
  'call.noArgs': 'This function takes no arguments.',

  'decode.empty': 'No data: a plain value transfer.',
  'decode.tooShort':
    'The data is {size} bytes, shorter than the 4-byte function selector; it calls no known function.',
  'decode.unknown':
    'The selector {selector} is not in the built-in ABIs. Vigil cannot say what this call does; treat it with care.',
  'decode.decoded': 'Decoded with the built-in {standards} ABI.',
  'decode.malformed':
    'The selector matches {signature}, but the arguments do not decode as that function: {reason}',
  'decode.status.empty': 'Value transfer',
  'decode.status.tooShort': 'Too short',
  'decode.status.unknown': 'Unknown function',
  'decode.status.decoded': 'Decoded',
  'decode.status.malformed': 'Malformed',

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
} satisfies Record<string, string> &
  Record<`field.${FieldKey}`, string> &
  Record<`kind.${PayloadKind}`, string> &
  Record<`error.${ParseErrorCode}`, string> &
  Record<`decode.${CallDecode['status']}` | `decode.status.${CallDecode['status']}`, string>;

/** A message key. */
export type MessageKey = keyof typeof en;

/** A complete catalogue: exactly the keys of {@link en}. */
export type Messages = Readonly<Record<MessageKey, string>>;
