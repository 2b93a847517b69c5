// The public audit record: signed checkpoints of the hash-chained log (issue #12).
export const zh = {
  title: "审计记录公开",
  intro:
    "平台的每一次状态变更（需求、报价、中选、合同、处罚等）都记入按对象分链的哈希链审计日志。平台定期对整个日志生成检查点：各链的长度和最新哈希汇总为一个默克尔根，并用平台密钥（Ed25519）签名公布。任何人保存这些检查点，日后即可发现日志被删改或整体改写。",
  howTo: "自行核验：下载 JSON，把 statement 原文存为文件，用下方公钥验证 signature（Base64）。例如：",
  feed: "全部检查点（JSON）",
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

export const en: typeof zh = {
  title: "Public audit record",
  intro:
    "Every state change on the platform (requests, bids, awards, contracts, sanctions…) is written to a hash-chained audit log, one chain per object. The platform regularly takes a checkpoint of the whole log: each chain's length and latest hash, combined into one Merkle root, signed with the platform's key (Ed25519) and published here. Anyone who keeps these checkpoints can later detect events deleted or the log rewritten.",
  howTo:
    "Check it yourself: download the JSON, save a checkpoint's statement text to a file and verify its signature (Base64) with the public key below, e.g.:",
  feed: "All checkpoints (JSON)",
  keys: "Signing keys",
  keyId: "Key id",
  firstUsed: "In use since",
  none: "No checkpoints yet.",
  createdAt: "Time (Beijing)",
  root: "Merkle root",
  chains: "Chains",
  events: "Events",
  signature: "Signature",
  unsigned: "unsigned (early checkpoint)",
  page: "Page {{page}} of {{pages}}",
};
