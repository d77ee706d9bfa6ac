import type { WalletConnectErrorCode } from '$lib/wallet/walletConnectError';

/**
 * Messages of WalletConnect (its settings section, its wallet-menu entry and pairing dialog), in
 * every locale. Each locale's object must have exactly the English keys (typed below;
 * `catalogue.test.ts` checks placeholders). Keys start with `walletconnect.`.
 */
export const walletConnectEn = {
  'walletconnect.title': 'WalletConnect',
  'walletconnect.intro':
    'Connect a wallet on your phone by scanning a QR code. Without a project id Vigil uses browser wallets only, and loads and contacts nothing of WalletConnect.',
  'walletconnect.network':
    'A phone wallet is reached through the WalletConnect relay on the internet (run by Reown). The messages are end-to-end encrypted, but the relay sees that a connection happens, when, and from which project id; WalletConnect’s Verify service gets Vigil’s address so your wallet can show where the request comes from.',
  'walletconnect.getId':
    'Create a free project at cloud.reown.com (WalletConnect Cloud) and copy its project id: 32 characters, 0–9 and a–f.',
  'walletconnect.getIdLink': 'Open cloud.reown.com',
  'walletconnect.origin': 'If your project lists allowed domains, add {origin}.',
  'walletconnect.field': 'Project id',
  'walletconnect.save': 'Save project id',
  'walletconnect.saving': 'Saving…',
  'walletconnect.saved': 'Saved. WalletConnect is now in the wallet menu.',
  'walletconnect.current': 'WalletConnect is on, with this project id:',
  'walletconnect.none': 'No project id: browser wallets only.',
  'walletconnect.remove': 'Remove project id',
  'walletconnect.removeAsk': 'Remove the project id? A WalletConnect session is ended.',
  'walletconnect.removed': 'Project id removed. Vigil uses browser wallets only.',
  'walletconnect.problem.empty': 'Enter a project id: 32 characters, 0–9 and a–f.',
  'walletconnect.problem.length': 'A project id has 32 characters; this one has {length}.',
  'walletconnect.problem.chars':
    'A project id has only the characters 0–9 and a–f; {char} is not one of them.',

  'walletconnect.menu': 'WalletConnect (phone wallet)',
  'walletconnect.loading': 'Loading WalletConnect…',
  'walletconnect.dialogTitle': 'Connect a phone wallet',
  'walletconnect.scan':
    'Scan this code with your wallet app (its WalletConnect scanner), or copy the link into the app.',
  'walletconnect.qr': 'QR code of the WalletConnect pairing link',
  'walletconnect.link': 'Pairing link',
  'walletconnect.copyLabel': 'pairing link',
  'walletconnect.starting': 'Reaching the WalletConnect relay…',
  'walletconnect.waiting': 'Waiting for your wallet…',
  'walletconnect.cancel': 'Cancel',
  'walletconnect.close': 'Close',
  'walletconnect.retry': 'Try again',
  'walletconnect.relayNote': 'This goes through the WalletConnect relay, end-to-end encrypted.',
  'walletconnect.detail': 'Details: {detail}',
  'walletconnect.error.offline':
    'You are offline. WalletConnect needs the network to reach its relay; browser wallets work without it.',
  'walletconnect.error.relay':
    'The WalletConnect relay could not be reached. Check your connection (or a blocker for relay.walletconnect.org) and try again.',
  'walletconnect.error.projectId':
    'The WalletConnect relay rejected the project id. Check it in Settings → WalletConnect (cloud.reown.com shows yours).',
  'walletconnect.error.origin':
    'The WalletConnect relay refused this site: add {origin} to your project’s allowed domains at cloud.reown.com.',
  'walletconnect.error.refused': 'The WalletConnect relay refused the connection.',
  'walletconnect.error.rejected': 'Your wallet declined the connection.',
  'walletconnect.error.expired': 'The pairing expired before your wallet answered. Try again.',
  'walletconnect.error.timeout': 'The WalletConnect relay did not answer in time. Try again.',
  'walletconnect.error.load':
    'WalletConnect’s code could not be loaded: it is not kept for offline use. Go online and try again.',
  'walletconnect.error.other': 'WalletConnect failed.',
} satisfies Record<`walletconnect.${string}`, string> &
  Record<`walletconnect.error.${WalletConnectErrorCode}`, string>;

export const walletConnectZh: Readonly<Record<keyof typeof walletConnectEn, string>> = {
  'walletconnect.title': 'WalletConnect',
  'walletconnect.intro':
    '扫描二维码即可连接手机上的钱包。没有项目 ID 时，Vigil 只使用浏览器钱包，不加载也不联系任何 WalletConnect 组件。',
  'walletconnect.network':
    '手机钱包通过互联网上的 WalletConnect 中继（由 Reown 运营）连接。消息是端到端加密的，但中继能看到发生了连接、连接时间以及所用的项目 ID；WalletConnect 的 Verify 服务会得到 Vigil 的网址，以便你的钱包显示请求来自哪里。',
  'walletconnect.getId':
    '在 cloud.reown.com（WalletConnect Cloud）免费创建一个项目，复制它的项目 ID：32 个字符，0–9 和 a–f。',
  'walletconnect.getIdLink': '打开 cloud.reown.com',
  'walletconnect.origin': '如果你的项目限制了允许的域名，请加入 {origin}。',
  'walletconnect.field': '项目 ID',
  'walletconnect.save': '保存项目 ID',
  'walletconnect.saving': '正在保存…',
  'walletconnect.saved': '已保存。WalletConnect 现在出现在钱包菜单中。',
  'walletconnect.current': 'WalletConnect 已开启，项目 ID：',
  'walletconnect.none': '没有项目 ID：只使用浏览器钱包。',
  'walletconnect.remove': '移除项目 ID',
  'walletconnect.removeAsk': '移除项目 ID？现有的 WalletConnect 会话将被结束。',
  'walletconnect.removed': '项目 ID 已移除。Vigil 只使用浏览器钱包。',
  'walletconnect.problem.empty': '请输入项目 ID：32 个字符，0–9 和 a–f。',
  'walletconnect.problem.length': '项目 ID 有 32 个字符；这个有 {length} 个。',
  'walletconnect.problem.chars': '项目 ID 只包含字符 0–9 和 a–f；{char} 不在其中。',

  'walletconnect.menu': 'WalletConnect（手机钱包）',
  'walletconnect.loading': '正在加载 WalletConnect…',
  'walletconnect.dialogTitle': '连接手机钱包',
  'walletconnect.scan': '用钱包应用（其中的 WalletConnect 扫码功能）扫描此码，或把链接复制到应用中。',
  'walletconnect.qr': 'WalletConnect 配对链接的二维码',
  'walletconnect.link': '配对链接',
  'walletconnect.copyLabel': '配对链接',
  'walletconnect.starting': '正在连接 WalletConnect 中继…',
  'walletconnect.waiting': '正在等待你的钱包…',
  'walletconnect.cancel': '取消',
  'walletconnect.close': '关闭',
  'walletconnect.retry': '重试',
  'walletconnect.relayNote': '连接经由 WalletConnect 中继，端到端加密。',
  'walletconnect.detail': '详情：{detail}',
  'walletconnect.error.offline': '你处于离线状态。WalletConnect 需要网络才能连接中继；浏览器钱包无需网络。',
  'walletconnect.error.relay':
    '无法连接 WalletConnect 中继。请检查网络连接（或是否有拦截 relay.walletconnect.org 的插件），然后重试。',
  'walletconnect.error.projectId':
    'WalletConnect 中继拒绝了该项目 ID。请在“设置 → WalletConnect”中检查（cloud.reown.com 上可以看到你的项目 ID）。',
  'walletconnect.error.origin':
    'WalletConnect 中继拒绝了此网站：请在 cloud.reown.com 上把 {origin} 加入项目允许的域名。',
  'walletconnect.error.refused': 'WalletConnect 中继拒绝了连接。',
  'walletconnect.error.rejected': '你的钱包拒绝了连接。',
  'walletconnect.error.expired': '在你的钱包回应之前配对已过期。请重试。',
  'walletconnect.error.timeout': 'WalletConnect 中继没有及时回应。请重试。',
  'walletconnect.error.load': '无法加载 WalletConnect 的代码：它不会为离线使用而保存。请联网后重试。',
  'walletconnect.error.other': 'WalletConnect 出错了。',
};
