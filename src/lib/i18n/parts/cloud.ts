import type { ProfileChoices } from '$lib/cloud/profiles';
import type { PrivacyProfile } from '$lib/cloud/sanitized';
import type { Reputation } from '$lib/cloud/types';
import type { CloudProblem } from '$lib/context/cloudPrefs';

type ChoiceKey = {
  [K in keyof ProfileChoices]: `cloud.choice.${K}.${ProfileChoices[K]}`;
}[keyof ProfileChoices];
type ProblemKey = CloudProblem extends infer P
  ? P extends { field: infer F extends string; kind: infer K extends string }
    ? `cloud.problem.${F}.${K}`
    : never
  : never;

/**
 * Messages of the cloud tier's settings panel, in every locale. Each locale's object must have
 * exactly the English keys (typed below; `catalogue.test.ts` checks placeholders). Keys start with
 * `cloud.`.
 */
export const cloudEn = {
  'cloud.title': 'Cloud tier (optional)',
  'cloud.intro':
    'A language model on a server — a hosted DMind model or any OpenAI-compatible API, or your own vLLM or SGLang server — can add public context to a decision: how established the protocols and contracts involved are, known incidents and exploits, the market situation.',
  'cloud.factOff': 'Off by default. Vigil decides without it, offline included.',
  'cloud.factAdvisory':
    'Advisory only: its answer can raise a verdict (Allow → Step up → Block), never lower it. A late, failed or malformed answer counts as no answer.',
  'cloud.factSanitized':
    'It only ever receives a sanitized projection of a request, made on this device under the privacy profile below — never your address book, history, lists or settings.',
  'cloud.keyWhere':
    'The API key is kept only on this device, in Vigil’s private data, and sent only to this endpoint (as an Authorization header). An export of your data contains it in plain text.',
  'cloud.keyLockOn': 'The passphrase lock is on: the key is stored encrypted.',
  'cloud.keyLockOff':
    'The passphrase lock is off: the key is stored in plain text in this browser. Turn the lock on under “Your data” to encrypt it.',

  'cloud.savedNone': 'Nothing saved: the cloud tier is off.',
  'cloud.savedSummary':
    'Saved: {state} · {host} · model {model} · {key} · {profile} profile · timeout {timeout} ms',
  'cloud.savedOn': 'on',
  'cloud.savedOff': 'off',
  'cloud.savedKey': 'API key set',
  'cloud.savedNoKey': 'no API key',
  'cloud.savedWhen': 'Last saved {time}.',
  'cloud.savedUnusable':
    'This saved setup cannot be used as it is, so the cloud tier stays off: correct it below and save again.',
  'cloud.remove': 'Remove cloud settings',
  'cloud.removeAsk': 'Remove the cloud settings, API key included?',
  'cloud.removed': 'Cloud settings removed. The cloud tier is off.',

  'cloud.form': 'Cloud settings',
  'cloud.enabled': 'Use the cloud tier',
  'cloud.enabledHint':
    'Off: nothing is sent anywhere. On: the endpoint below may be asked about requests, in their sanitized form only.',
  'cloud.baseUrl': 'Base URL',
  'cloud.baseUrlHint':
    'https://…, such as https://api.example.com/v1. Plain http only to this machine — http://127.0.0.1:PORT/v1 or http://localhost:PORT/v1 — for your own vLLM or SGLang server.',
  'cloud.cspBlocked':
    'This build’s Content Security Policy does not let Vigil reach {origin}, so the inspector will not ask it. Rebuild with VIGIL_CLOUD_ORIGINS={origin} (see the README), or use a server on 127.0.0.1.',
  'cloud.demo': 'Use the loopback demo',
  'cloud.demoHint':
    'Fills in {url}, model “loopback” and no key. The loopback stand-in answers each request with a sample read off the sanitized request (no real model) and prints what it receives; start it first, in a checkout of Vigil: {command}',
  'cloud.demoFilled':
    'Loopback demo filled in (not saved yet). Start it with {command}, then test the connection.',
  'cloud.model': 'Model',
  'cloud.modelHint': 'The model name the server serves (for vLLM, the name given to vllm serve).',
  'cloud.apiKey': 'API key',
  'cloud.showKey': 'Show key',
  'cloud.keyNone':
    'Optional: only if the server needs one (vLLM and SGLang: when started with --api-key). It is never shown again after saving.',
  'cloud.keyKept':
    'A key is saved (it is never shown). Leave this empty to keep it, or type a new one to replace it.',
  'cloud.keyReplaced': 'The key you typed replaces the saved one when you save.',
  'cloud.keyRemoved': 'The saved key is removed when you save.',
  'cloud.keyOtherServer':
    'The saved key belongs to {origin} and is never sent to another server: type the key for this one, or leave it empty for none.',
  'cloud.removeKey': 'Remove the saved key',
  'cloud.timeout': 'Timeout (ms)',
  'cloud.timeoutHint':
    'How long to wait for an answer: {min} to {max} ms (default {default}). A later answer is ignored; decisions never wait for it.',
  'cloud.profile': 'Privacy profile: what the cloud may see',
  'cloud.profile.strict': 'Strict',
  'cloud.profile.strictWhat':
    'Public facts only: chain, contracts, tokens, function names; amounts as an order of magnitude; other addresses, texts and dates removed.',
  'cloud.profile.default': 'Default',
  'cloud.profile.defaultWhat':
    'Also amounts as a range, other addresses as numbered pseudonyms (addr_1, addr_2…), texts as their length and kind of characters, dates as a month.',
  'cloud.profile.override': 'Your choice',
  'cloud.profile.overrideWhat': 'You choose, for each kind of field, how much of it is sent.',
  'cloud.overrideLegend': 'What each kind of field sends',
  'cloud.class.amount': 'Amounts',
  'cloud.class.counterparty': 'Other addresses (counterparties)',
  'cloud.class.freeText': 'Free text (messages, names of unknown contracts)',
  'cloud.class.timing': 'Dates and deadlines',
  'cloud.choice.amount.hide': 'Removed',
  'cloud.choice.amount.magnitude': 'Order of magnitude (1e3..1e4)',
  'cloud.choice.amount.bucket': 'Range (1000..2000)',
  'cloud.choice.amount.exact': 'Exact amount',
  'cloud.choice.counterparty.hide': 'Removed',
  'cloud.choice.counterparty.pseudonym': 'Numbered pseudonym (addr_1)',
  'cloud.choice.counterparty.exact': 'Exact address',
  'cloud.choice.freeText.hide': 'Removed',
  'cloud.choice.freeText.shape': 'Length and kind of characters',
  'cloud.choice.freeText.exact': 'Exact text',
  'cloud.choice.timing.hide': 'Removed',
  'cloud.choice.timing.month': 'Month (2026-03)',
  'cloud.choice.timing.exact': 'Exact time',
  'cloud.neverSent':
    'Under every profile your own address is sent only as “self”, and your private context — address book, history, allow and deny lists, exposure, settings — is never sent.',
  'cloud.save': 'Save cloud settings',
  'cloud.saving': 'Saving…',
  'cloud.saved': 'Cloud settings saved.',

  'cloud.problem.enabled.notBoolean': 'Say whether the cloud tier is on.',
  'cloud.problem.baseUrl.empty': 'Enter the base URL of the endpoint, such as https://api.example.com/v1.',
  'cloud.problem.baseUrl.notUrl':
    'This is not a URL: write it in full, such as https://api.example.com/v1, without spaces.',
  'cloud.problem.baseUrl.https':
    'The base URL must use https. Plain http is allowed only to this machine (127.0.0.1 or localhost), for your own server.',
  'cloud.problem.baseUrl.credentials':
    'The base URL must not contain a user name or password: put the key in the API key field.',
  'cloud.problem.baseUrl.query': 'The base URL must not have a query (?…) or a fragment (#…).',
  'cloud.problem.baseUrl.long': 'The base URL is longer than {max} characters.',
  'cloud.problem.model.empty': 'Enter the model name the server knows.',
  'cloud.problem.model.chars': 'A model name has no control or invisible characters.',
  'cloud.problem.model.long': 'A model name has at most {max} characters.',
  'cloud.problem.apiKey.chars': 'An API key has only printable ASCII characters, without spaces.',
  'cloud.problem.apiKey.long': 'An API key has at most {max} characters.',
  'cloud.problem.timeoutMs.range': 'Enter a whole number of milliseconds from {min} to {max}.',
  'cloud.problem.profile.unknown': 'Choose a privacy profile.',
  'cloud.problem.override.invalid': 'Choose what each kind of field sends.',

  'cloud.test.title': 'Test the connection',
  'cloud.test.what':
    'Sends one fixed sample — a batch that approves Uniswap’s Universal Router for unlimited USDC and sends 1,234.56 USDC to an address that is no public contract — sanitized on this device under the profile above, to the endpoint in the form (saved or not).',
  'cloud.test.run': 'Test connection',
  'cloud.test.running': 'Testing… waiting up to {timeout} ms.',
  'cloud.test.cancel': 'Cancel test',
  'cloud.test.data': 'Exactly the data sent (sanitized on this device)',
  'cloud.test.body': 'The whole request body (fixed instructions, the answer’s schema and this data)',
  'cloud.test.advice':
    'Advice received in {ms} ms: reputation “{reputation}”, risk {risk}, suggests “{verdict}”.',
  'cloud.test.explanation': 'Its explanation:',
  'cloud.test.late':
    'Late: no answer within {timeout} ms, so it would be ignored. Raise the timeout, or check the server.',
  'cloud.test.unavailable':
    'Unavailable: the server could not be reached or refused the request ({detail}). Check the URL, that the server is running and allows this site (CORS), and the key.',
  'cloud.test.failed': 'Failed: {detail}.',
  'cloud.test.malformed':
    'Malformed answer: the server answered, but not with the advice JSON Vigil asks for ({detail}). Check the model name and that the server supports JSON-schema output.',
  'cloud.test.aborted': 'Test cancelled.',
  'cloud.test.error': 'The test could not be prepared: {message}',
  'cloud.reputation.trusted': 'trusted',
  'cloud.reputation.known': 'known',
  'cloud.reputation.unknown': 'unknown',
  'cloud.reputation.suspicious': 'suspicious',
  'cloud.reputation.malicious': 'malicious',
} satisfies Record<`cloud.${string}`, string> &
  Record<ChoiceKey | ProblemKey | `cloud.reputation.${Reputation}`, string> &
  Record<`cloud.profile.${PrivacyProfile}` | `cloud.profile.${PrivacyProfile}What`, string> &
  Record<`cloud.class.${keyof ProfileChoices}`, string>;

export const cloudZh: Readonly<Record<keyof typeof cloudEn, string>> = {
  'cloud.title': '云端层（可选）',
  'cloud.intro':
    '服务器上的语言模型——托管的 DMind 模型或任何兼容 OpenAI 的 API，或你自己的 vLLM / SGLang 服务器——可以为判定补充公开背景：所涉协议和合约的成熟程度、已知事件与攻击、市场状况。',
  'cloud.factOff': '默认关闭。没有它 Vigil 照样判定，离线时也一样。',
  'cloud.factAdvisory':
    '仅供参考：它的回答只能把判定调严（放行 → 需核实 → 拦截），绝不会放宽。迟到、失败或格式错误的回答视为没有回答。',
  'cloud.factSanitized':
    '它只会收到请求经过脱敏的投影，在本设备上按下方的隐私配置生成——绝不包括你的地址簿、历史、名单或设置。',
  'cloud.keyWhere':
    'API 密钥只保存在本设备上 Vigil 的私有数据中，并且只发送给这个端点（放在 Authorization 请求头中）。导出的数据文件中它是明文。',
  'cloud.keyLockOn': '口令锁已开启：密钥以加密形式保存。',
  'cloud.keyLockOff': '口令锁未开启：密钥以明文保存在此浏览器中。在“你的数据”中开启口令锁即可加密。',

  'cloud.savedNone': '尚未保存：云端层处于关闭状态。',
  'cloud.savedSummary':
    '已保存：{state} · {host} · 模型 {model} · {key} · {profile}配置 · 超时 {timeout} 毫秒',
  'cloud.savedOn': '开启',
  'cloud.savedOff': '关闭',
  'cloud.savedKey': '已设置 API 密钥',
  'cloud.savedNoKey': '无 API 密钥',
  'cloud.savedWhen': '上次保存于 {time}。',
  'cloud.savedUnusable': '保存的设置目前无法使用，因此云端层保持关闭：请在下方修正后重新保存。',
  'cloud.remove': '移除云端设置',
  'cloud.removeAsk': '移除云端设置（包括 API 密钥）？',
  'cloud.removed': '云端设置已移除。云端层已关闭。',

  'cloud.form': '云端设置',
  'cloud.enabled': '使用云端层',
  'cloud.enabledHint':
    '关闭：不向任何地方发送任何内容。开启：下方端点可能会被询问请求的情况，但只会收到脱敏后的形式。',
  'cloud.baseUrl': '基础 URL',
  'cloud.baseUrlHint':
    'https://…，例如 https://api.example.com/v1。只有指向本机时才允许明文 http——http://127.0.0.1:端口/v1 或 http://localhost:端口/v1——用于你自己的 vLLM 或 SGLang 服务器。',
  'cloud.cspBlocked':
    '此构建的内容安全策略不允许 Vigil 访问 {origin}，因此检查器不会询问它。请用 VIGIL_CLOUD_ORIGINS={origin} 重新构建（见 README），或使用 127.0.0.1 上的服务器。',
  'cloud.demo': '使用本地回环演示',
  'cloud.demoHint':
    '填入 {url}、模型“loopback”，不使用密钥。回环替身服务器根据脱敏后的请求给出样例回答（不是真实模型），并打印它收到的内容；请先在 Vigil 的代码目录中启动它：{command}',
  'cloud.demoFilled': '已填入回环演示（尚未保存）。用 {command} 启动它，然后测试连接。',
  'cloud.model': '模型',
  'cloud.modelHint': '服务器提供的模型名称（vLLM 即 vllm serve 时给出的名称）。',
  'cloud.apiKey': 'API 密钥',
  'cloud.showKey': '显示密钥',
  'cloud.keyNone': '可选：仅当服务器需要时填写（vLLM 和 SGLang：以 --api-key 启动时）。保存后不会再显示。',
  'cloud.keyKept': '已保存一个密钥（永不显示）。留空即保留它，输入新的即替换。',
  'cloud.keyReplaced': '保存时，你输入的密钥将替换已保存的密钥。',
  'cloud.keyRemoved': '保存时将移除已保存的密钥。',
  'cloud.keyOtherServer':
    '已保存的密钥属于 {origin}，绝不会发送给其他服务器：请输入这个服务器的密钥，或留空表示不使用密钥。',
  'cloud.removeKey': '移除已保存的密钥',
  'cloud.timeout': '超时（毫秒）',
  'cloud.timeoutHint':
    '等待回答的时长：{min} 到 {max} 毫秒（默认 {default}）。更晚的回答会被忽略；判定从不等待它。',
  'cloud.profile': '隐私配置：云端可以看到什么',
  'cloud.profile.strict': '严格',
  'cloud.profile.strictWhat':
    '只发送公开事实：链、合约、代币、函数名；金额只给数量级；其他地址、文本和日期全部移除。',
  'cloud.profile.default': '默认',
  'cloud.profile.defaultWhat':
    '另外发送金额区间、以编号假名（addr_1、addr_2…）代替其他地址、文本只给长度和字符类型、日期只给月份。',
  'cloud.profile.override': '自定义',
  'cloud.profile.overrideWhat': '由你为每一类字段选择发送多少。',
  'cloud.overrideLegend': '每类字段发送什么',
  'cloud.class.amount': '金额',
  'cloud.class.counterparty': '其他地址（交易对手）',
  'cloud.class.freeText': '自由文本（消息、未知合约的名称）',
  'cloud.class.timing': '日期和截止时间',
  'cloud.choice.amount.hide': '移除',
  'cloud.choice.amount.magnitude': '数量级（1e3..1e4）',
  'cloud.choice.amount.bucket': '区间（1000..2000）',
  'cloud.choice.amount.exact': '精确金额',
  'cloud.choice.counterparty.hide': '移除',
  'cloud.choice.counterparty.pseudonym': '编号假名（addr_1）',
  'cloud.choice.counterparty.exact': '精确地址',
  'cloud.choice.freeText.hide': '移除',
  'cloud.choice.freeText.shape': '长度和字符类型',
  'cloud.choice.freeText.exact': '原文',
  'cloud.choice.timing.hide': '移除',
  'cloud.choice.timing.month': '月份（2026-03）',
  'cloud.choice.timing.exact': '精确时间',
  'cloud.neverSent':
    '无论哪种配置，你自己的地址都只以“self”发送，你的私有数据——地址簿、历史、允许和拒绝名单、额度记录、设置——永远不会发送。',
  'cloud.save': '保存云端设置',
  'cloud.saving': '正在保存…',
  'cloud.saved': '云端设置已保存。',

  'cloud.problem.enabled.notBoolean': '请说明云端层是否开启。',
  'cloud.problem.baseUrl.empty': '请输入端点的基础 URL，例如 https://api.example.com/v1。',
  'cloud.problem.baseUrl.notUrl':
    '这不是一个 URL：请完整填写，例如 https://api.example.com/v1，不要包含空格。',
  'cloud.problem.baseUrl.https':
    '基础 URL 必须使用 https。只有指向本机（127.0.0.1 或 localhost）的自有服务器才允许明文 http。',
  'cloud.problem.baseUrl.credentials': '基础 URL 不能包含用户名或密码：请把密钥填在 API 密钥一栏。',
  'cloud.problem.baseUrl.query': '基础 URL 不能带查询（?…）或片段（#…）。',
  'cloud.problem.baseUrl.long': '基础 URL 超过了 {max} 个字符。',
  'cloud.problem.model.empty': '请输入服务器认识的模型名称。',
  'cloud.problem.model.chars': '模型名称不能包含控制字符或不可见字符。',
  'cloud.problem.model.long': '模型名称最多 {max} 个字符。',
  'cloud.problem.apiKey.chars': 'API 密钥只能包含可打印的 ASCII 字符，且不能有空格。',
  'cloud.problem.apiKey.long': 'API 密钥最多 {max} 个字符。',
  'cloud.problem.timeoutMs.range': '请输入 {min} 到 {max} 之间的整数毫秒数。',
  'cloud.problem.profile.unknown': '请选择一个隐私配置。',
  'cloud.problem.override.invalid': '请为每一类字段选择发送什么。',

  'cloud.test.title': '测试连接',
  'cloud.test.what':
    '发送一个固定样例——一笔批量交易：授权 Uniswap Universal Router 无限额使用 USDC，并向一个非公开合约的地址发送 1,234.56 USDC——在本设备上按上方的配置脱敏后，发送到表单中的端点（无论是否已保存）。',
  'cloud.test.run': '测试连接',
  'cloud.test.running': '正在测试…最多等待 {timeout} 毫秒。',
  'cloud.test.cancel': '取消测试',
  'cloud.test.data': '实际发送的数据（已在本设备上脱敏）',
  'cloud.test.body': '完整的请求正文（固定指令、回答的结构定义和这些数据）',
  'cloud.test.advice': '{ms} 毫秒内收到建议：声誉“{reputation}”，风险 {risk}，建议“{verdict}”。',
  'cloud.test.explanation': '它的解释：',
  'cloud.test.late': '迟到：{timeout} 毫秒内没有回答，因此会被忽略。请加大超时，或检查服务器。',
  'cloud.test.unavailable':
    '不可用：无法连接服务器，或服务器拒绝了请求（{detail}）。请检查 URL、服务器是否在运行并允许本站点（CORS），以及密钥。',
  'cloud.test.failed': '失败：{detail}。',
  'cloud.test.malformed':
    '回答格式错误：服务器有回答，但不是 Vigil 要求的建议 JSON（{detail}）。请检查模型名称，以及服务器是否支持 JSON Schema 输出。',
  'cloud.test.aborted': '测试已取消。',
  'cloud.test.error': '无法准备测试：{message}',
  'cloud.reputation.trusted': '可信',
  'cloud.reputation.known': '知名',
  'cloud.reputation.unknown': '未知',
  'cloud.reputation.suspicious': '可疑',
  'cloud.reputation.malicious': '恶意',
};
