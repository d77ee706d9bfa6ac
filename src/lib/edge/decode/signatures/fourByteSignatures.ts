/**
 * Text signatures registered for some selectors in ethereum-lists/4bytes (MIT), collisions and
 * spam included, verbatim. A text signature says nothing about which contract uses it: a match here
 * is a candidate, never a vetted decode.
 */
export const fourByteSignatures: readonly (readonly [selector: `0x${string}`, signature: string])[] = [
  ['0x095ea7b3', 'approve(address,uint256)'],
  ['0x095ea7b3', 'watch_tg_invmru_2f69f1b(address,address)'],
  ['0x23b872dd', 'transferFrom(address,address,uint256)'],
  ['0x24856bc3', 'execute(bytes,bytes[])'],
  ['0x2a2d80d1', 'permit(address,((address,uint160,uint48,uint48)[],address,uint256),bytes)'],
  ['0x2b67b570', 'permit(address,((address,uint160,uint48,uint48),address,uint256),bytes)'],
  ['0x3593564c', 'execute(bytes,bytes[],uint256)'],
  ['0x3659cfe6', 'upgradeTo(address)'],
  ['0x39509351', 'increaseAllowance(address,uint256)'],
  ['0x42842e0e', 'safeTransferFrom(address,address,uint256)'],
  ['0x5ae401dc', 'multicall(uint256,bytes[])'],
  [
    '0x6a761202',
    'execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)',
  ],
  [
    '0x87201b41',
    'fulfillAvailableAdvancedOrders(((address,address,(uint8,address,uint256,uint256,uint256)[],(uint8,address,uint256,uint256,uint256,address)[],uint8,uint256,uint256,bytes32,uint256,bytes32,uint256),uint120,uint120,bytes,bytes)[],(uint256,uint8,uint256,uint256,bytes32[])[],(uint256,uint256)[][],(uint256,uint256)[][],bytes32,address,uint256)',
  ],
  ['0x87517c45', 'approve(address,address,uint160,uint48)'],
  [
    '0x88147732',
    'validate(((address,address,(uint8,address,uint256,uint256,uint256)[],(uint8,address,uint256,uint256,uint256,address)[],uint8,uint256,uint256,bytes32,uint256,bytes32,uint256),bytes)[])',
  ],
  [
    '0x9a1fc3a7',
    'execute(((address,uint8,address,address,uint256,uint256,address,uint256,uint256,uint256,(uint16,address)[],uint256,bytes),uint8,bytes32,bytes32,bytes,uint8,uint256),((address,uint8,address,address,uint256,uint256,address,uint256,uint256,uint256,(uint16,address)[],uint256,bytes),uint8,bytes32,bytes32,bytes,uint8,uint256))',
  ],
  ['0xa22cb465', 'setApprovalForAll(address,bool)'],
  [
    '0xa8174404',
    'matchOrders(((address,address,(uint8,address,uint256,uint256,uint256)[],(uint8,address,uint256,uint256,uint256,address)[],uint8,uint256,uint256,bytes32,uint256,bytes32,uint256),bytes)[],((uint256,uint256)[],(uint256,uint256)[])[])',
  ],
  ['0xa9059cbb', 'transfer(address,uint256)'],
  ['0xac9650d8', 'multicall(bytes[])'],
  [
    '0xb3be57f8',
    'bulkExecute((((address,uint8,address,address,uint256,uint256,address,uint256,uint256,uint256,(uint16,address)[],uint256,bytes),uint8,bytes32,bytes32,bytes,uint8,uint256),((address,uint8,address,address,uint256,uint256,address,uint256,uint256,uint256,(uint16,address)[],uint256,bytes),uint8,bytes32,bytes32,bytes,uint8,uint256))[])',
  ],
  ['0xd505accf', 'watch_tg_invmru_168a06(bool,address,bool)'],
  ['0xd505accf', 'permit(address,address,uint256,uint256,uint8,bytes32,bytes32)'],
  ['0xf242432a', 'safeTransferFrom(address,address,uint256,uint256,bytes)'],
  ['0xfb0f3ee1', 'JunionYoutubeXD_dashhvetozhe()'],
  ['0xfb0f3ee1', 'cryethereum_please_fix_collisions_sqyq4k4l5()'],
  [
    '0xfb0f3ee1',
    'fulfillBasicOrder((address,uint256,uint256,address,address,address,uint256,uint256,uint8,uint256,uint256,bytes32,uint256,bytes32,bytes32,uint256,(uint256,address)[],bytes))',
  ],
  [
    '0xfb0f3ee1',
    'CheckOutBoringSecurity101FUZZ3908900963((address,uint256,uint256,address,address,address,uint256,uint256,uint8,uint256,uint256,bytes32,uint256,bytes32,bytes32,uint256,(uint256,address)[],bytes))',
  ],
];
