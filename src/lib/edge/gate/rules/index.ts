import type { Rule } from '../rule';
import {
  addressKnownMalicious,
  recipientLookalike,
  recipientNew,
  transferToTokenContract,
} from './addressRules';
import {
  approvalAll,
  approvalLongExpiry,
  approvalToEoa,
  approvalToUnknown,
  approvalUnlimited,
  permitOffchain,
} from './approvalRules';
import { decodeFailed, decodeLowConfidence, inputMalformed } from './decodeRules';
import {
  adminOwnershipChange,
  adminUpgrade,
  callDelegatecall,
  delegate7702AllChains,
  delegate7702Unknown,
} from './delegateAdminRules';
import { exposureCumulative, valueOverLimit } from './exposureRules';
import { orderBulk, orderProceedsToOther, orderZeroPrice } from './orderRules';
import { signatureBlind, typedDataDomainMismatch } from './signatureRules';

/** Every rule, in the fixed order the gate runs them. */
export const rules: readonly Rule[] = [
  inputMalformed,
  decodeFailed,
  decodeLowConfidence,
  addressKnownMalicious,
  recipientLookalike,
  recipientNew,
  transferToTokenContract,
  approvalUnlimited,
  approvalAll,
  approvalLongExpiry,
  approvalToUnknown,
  approvalToEoa,
  permitOffchain,
  orderProceedsToOther,
  orderZeroPrice,
  orderBulk,
  delegate7702Unknown,
  delegate7702AllChains,
  adminOwnershipChange,
  adminUpgrade,
  callDelegatecall,
  signatureBlind,
  typedDataDomainMismatch,
  valueOverLimit,
  exposureCumulative,
];
