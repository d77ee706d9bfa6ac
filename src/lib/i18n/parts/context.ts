/**
 * Messages of the private context's shell (navigation, storage status, the inspector's outcome
 * bar), in every locale. Each locale's object must have exactly the English keys (typed below;
 * `catalogue.test.ts` checks placeholders).
 */
export const contextEn = {
  'nav.label': 'Sections',
  'nav.inspector': 'Inspector',
  'nav.history': 'History',
  'nav.settings': 'Settings',

  'context.unavailableTitle': 'Private context unavailable.',
  'context.unavailableBody':
    'This browser gives Vigil no storage (a private window, or storage is disabled), so decisions use the default policy without your address book, lists, limits or history. Nothing you enter can be saved.',
  'context.blockedTitle': 'Finishing an update…',
  'context.blockedBody': 'Close the other Vigil tabs so this one can upgrade your saved data.',
  'context.staleTitle': 'Vigil was updated in another tab.',
  'context.staleBody': 'Reload this tab to keep using your saved data. Nothing was lost.',
  'context.newerVersionTitle': 'Your data was saved by a newer Vigil.',
  'context.newerVersionBody': 'Reload to get the newer version. This one will not touch your data.',
  'context.closedTitle': 'Vigil’s storage was closed.',
  'context.closedBody': 'The browser closed it (was site data cleared?). Reload to open it again.',
  'context.reload': 'Reload',
  'context.lockedTitle': 'Your private data is locked.',
  'context.lockedBody':
    'Until you unlock it, decisions use the default policy without your address book, lists, limits or history.',
  'context.passphrase': 'Passphrase',
  'context.unlock': 'Unlock',
  'context.unlocking': 'Unlocking…',
  'context.wrongPassphrase': 'Wrong passphrase. Nothing was unlocked.',
  'context.error.quota': 'Storage full.',
  'context.error.closed': 'Saving failed.',

  'outcome.title': 'What did you do?',
  'outcome.why':
    'Tell Vigil, and it remembers: a signed request adds its recipients to your history and what it sends or allows to your limits, so the next decision knows.',
  'outcome.signed': 'I signed it',
  'outcome.cancelled': 'I didn’t sign it',
  'outcome.overridden': 'I signed it anyway',
  'outcome.overrideConfirm':
    'Vigil blocked this request. Record that you signed it anyway? It is logged as an override.',
  'outcome.overrideYes': 'Yes, I signed it anyway',
  'outcome.overrideNo': 'Cancel',
  'outcome.recorded.signed': 'Recorded as signed. Your history and limits include it now.',
  'outcome.recorded.cancelled': 'Recorded as not signed.',
  'outcome.recorded.overridden':
    'Recorded as an override of a block. Your history and limits include it now.',
  'outcome.recorded.pending': 'Logged.',
  'outcome.recorded.rejected': 'Recorded as rejected in your wallet.',
  'outcome.recorded.failed': 'Recorded as failed in your wallet: nothing was signed.',
  'outcome.seeHistory': 'See history',
  'outcome.again': 'Record it again',
  'outcome.unavailable': 'Nothing is recorded while your private context is unavailable or locked.',
  'outcome.saveLabel': 'Counterparties not in your address book',
  'outcome.saveContact': 'Add to address book',
  'outcome.loadMissing': 'That decision is no longer in your log.',
  'outcome.loadNoInput': 'That decision’s input was too large to keep in the log.',
} satisfies Record<`nav.${string}` | `context.${string}` | `outcome.${string}`, string>;

export const contextZh: Readonly<Record<keyof typeof contextEn, string>> = {
  'nav.label': '栏目',
  'nav.inspector': '检查器',
  'nav.history': '历史',
  'nav.settings': '设置',

  'context.unavailableTitle': '私有上下文不可用。',
  'context.unavailableBody':
    '此浏览器未向 Vigil 提供存储（隐私窗口，或存储被禁用），因此判定使用默认策略，不含你的地址簿、名单、限额或历史。你输入的内容都无法保存。',
  'context.blockedTitle': '正在完成更新…',
  'context.blockedBody': '请关闭其他 Vigil 标签页，以便此页升级你保存的数据。',
  'context.staleTitle': 'Vigil 已在另一个标签页中更新。',
  'context.staleBody': '重新加载此标签页即可继续使用你保存的数据。没有丢失任何数据。',
  'context.newerVersionTitle': '你的数据由更新版本的 Vigil 保存。',
  'context.newerVersionBody': '重新加载以获取新版本。此版本不会改动你的数据。',
  'context.closedTitle': 'Vigil 的存储已被关闭。',
  'context.closedBody': '浏览器关闭了它（是否清除了网站数据？）。重新加载以再次打开。',
  'context.reload': '重新加载',
  'context.lockedTitle': '你的私有数据已锁定。',
  'context.lockedBody': '解锁之前，判定使用默认策略，不含你的地址簿、名单、限额或历史。',
  'context.passphrase': '口令',
  'context.unlock': '解锁',
  'context.unlocking': '正在解锁…',
  'context.wrongPassphrase': '口令错误。未解锁任何内容。',
  'context.error.quota': '存储已满。',
  'context.error.closed': '保存失败。',

  'outcome.title': '你做了什么？',
  'outcome.why':
    '告诉 Vigil，它会记住：已签名的请求会把其接收方加入你的历史，把其发送或授权的数额计入你的限额，下次判定就能知道。',
  'outcome.signed': '我签了',
  'outcome.cancelled': '我没有签',
  'outcome.overridden': '我仍然签了',
  'outcome.overrideConfirm': 'Vigil 阻止了此请求。记录你仍然签了它吗？这会作为一次越权记录下来。',
  'outcome.overrideYes': '是，我仍然签了',
  'outcome.overrideNo': '取消',
  'outcome.recorded.signed': '已记录为已签名。你的历史和限额现在包含了它。',
  'outcome.recorded.cancelled': '已记录为未签名。',
  'outcome.recorded.overridden': '已记录为越权签署被阻止的请求。你的历史和限额现在包含了它。',
  'outcome.recorded.pending': '已记录。',
  'outcome.recorded.rejected': '已记录为在钱包中拒绝。',
  'outcome.recorded.failed': '已记录为钱包出错：没有签署任何内容。',
  'outcome.seeHistory': '查看历史',
  'outcome.again': '再记录一次',
  'outcome.unavailable': '私有上下文不可用或已锁定时，不会记录任何内容。',
  'outcome.saveLabel': '不在你地址簿中的交易对手',
  'outcome.saveContact': '加入地址簿',
  'outcome.loadMissing': '该判定已不在你的日志中。',
  'outcome.loadNoInput': '该判定的输入太大，未保存在日志中。',
};
