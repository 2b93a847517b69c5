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

export const en: typeof zh = {
  title: "Public audit record",
  intro:
    "Every state change on the platform (requests, bids, awards, contracts, sanctions…) is written to a hash-chained audit log, one chain per object, and every event in order is a leaf of one Merkle tree, as in a certificate-transparency log (RFC 9162). The platform regularly takes a checkpoint: the tree's size and root, signed with the platform's key (Ed25519) and published here. Anyone who keeps these checkpoints can later ask for a consistency proof and detect events deleted, reordered or the log rewritten, or ask for an inclusion proof of one event.",
  howTo:
    "Check it yourself: download the JSON, save a checkpoint's statement text to a file and verify its signature (Base64) with the public key below, e.g.:",
  feed: "All checkpoints (JSON)",
  proofs: "Proofs (JSON, no login):",
  inclusion: "inclusion of an event",
  consistency: "consistency between checkpoints",
  verifier:
    "A verifier that needs no database: npm run verify:public -- <this site's URL or downloaded JSON files>; the byte formats are in decision record 023.",
  treeSize: "Tree size (events)",
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
