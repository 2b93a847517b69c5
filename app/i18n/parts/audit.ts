// The public audit record: signed checkpoints of the hash-chained log (issue #12).
export const zh = {
  title: "审计记录公开",
  intro:
    "平台的每一次状态变更（需求、报价、中选、合同、处罚等）都记入按对象分链的哈希链审计日志，所有事件再按顺序组成一棵默克尔树（与证书透明度日志相同，RFC 9162）。平台定期生成检查点：树的大小和树根，用平台密钥（Ed25519）签名公布。任何人保存这些检查点，日后可请求一致性证明，发现日志被删改、重排或整体改写；也可请求某一事件的包含证明。",
  howTo: "自行核验：下载 JSON，把 statement 原文存为文件，用下方公钥验证 signature（Base64）。例如：",
  feed: "全部检查点（JSON）",
  proofs: "证明接口（JSON，无需登录）：",
  inclusion: "事件包含证明",
  consistency: "检查点一致性证明",
  verifier: "无需数据库的核验程序：npm run verify:public -- <本站网址或下载的 JSON 文件>；字节格式见第 023 号决策记录。",
  treeSize: "树大小（事件数）",
  keys: "签名公钥",
  keyId: "密钥编号",
  firstUsed: "启用时间",
  none: "尚无检查点。",
  createdAt: "时间（北京时间）",
  root: "默克尔根",
  chains: "链数",
  events: "事件数",
  signature: "签名",
  unsigned: "未签名（早期检查点）",
  page: "第 {{page}} / {{pages}} 页",
};
