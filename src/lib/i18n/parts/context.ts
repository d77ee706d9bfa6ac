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
} satisfies Record<`nav.${string}` | `context.${string}`, string>;

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
};
