import type { Role } from "~/generated/prisma/enums";

/**
 * Who may do what, by role: the one table every loader, action and component
 * asks (`can`, and on the server `requirePermission` / `assertCan` in
 * route.server.ts). Ownership ("this enterprise's request", "the agency that
 * won") is not a role question: the domain module checks it inside its
 * transaction, against the locked row, and refuses with its own message.
 *
 * Names are `<subject>:<verb>`. A permission a role lacks is a 403 with a
 * translated message; an anonymous visitor is sent to the login page instead.
 */
export const PERMISSIONS = {
  /** 发布需求, cancel, extend, pick, confirm, accept, return, terminate, republish (own requests). */
  "request:manage": ["ENTERPRISE"],
  /** 发布项目: post a new request (the posting enterprise becomes its owner). */
  "request:post": ["ENTERPRISE"],
  /** 报价: submit or revise a sealed bid, withdraw it. */
  "bid:submit": ["AGENCY"],
  /** The winning agency's side of the contract: confirm, deliver. */
  "contract:serve": ["AGENCY"],
  /** 合同确认: either party of the contract confirms its side (the module checks which). */
  "contract:confirm": ["ENTERPRISE", "AGENCY"],
  /** 异议: any party of the request may object during publicity (the module checks who). */
  "objection:file": ["ENTERPRISE", "AGENCY"],
  /** 异议处理, credential and registration review, cases, sanctions, the supervision dashboard. */
  "supervision:act": ["REGULATOR"],
  /** Rate a completed request (own requests). */
  "rating:write": ["ENTERPRISE"],
  /** Reply to a rating of one's own agency. */
  "rating:reply": ["AGENCY"],
  /** Hide a rating's text (the record stays). */
  "rating:hide": ["REGULATOR"],
  /** Own agency: profile, credentials, practitioners, reapply, exit. */
  "agency:self": ["AGENCY"],
  /** Catalogue administration (items, versions). */
  "catalogue:edit": ["ADMIN"],
  /** Cases: a regulator sees all; complainants and the agency concerned see their own (the module filters). */
  "case:view": ["ENTERPRISE", "AGENCY", "REGULATOR"],
  /** 申诉: the agency a case decided against appeals it (the module checks which agency). */
  "case:appeal": ["AGENCY"],
  /** File a complaint (投诉): anyone signed in. */
  "case:complain": ["ENTERPRISE", "AGENCY", "REGULATOR", "ADMIN"],
  /** 双随机抽查: create and draw plans, record (the drawn inspectors — the module checks) and publish results, open a case from one. */
  "inspection:manage": ["REGULATOR"],
  /** The personal dashboard: anyone signed in. */
  "dashboard:view": ["ENTERPRISE", "AGENCY", "REGULATOR", "ADMIN"],
  /** The mail outbox's delivery problems (uncertain and failed mail) and sending one again (decision 029). */
  "mail:admin": ["ADMIN"],
  /** 从业人员惩戒: search practitioners, sanction one (warning, 暂停执业, blacklist), revoke (decision 035). */
  "practitioner:sanction": ["REGULATOR"],
  /** 区域评估: enter zones and their assessment results (decision 036); everyone reads them. */
  "zone:manage": ["REGULATOR", "ADMIN"],
  /** 陈述、申辩 and 要求听证 on a prior notice: the agency concerned (the module checks which agency; decision 033). */
  "case:defend": ["AGENCY"],
  /** 关注项目: follow a project described on the navigator and be told when its list changes (decision 039). */
  "project:follow": ["ENTERPRISE"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** The i18n key shown when a signed-in user lacks the permission. */
export const FORBIDDEN_MESSAGE: Record<Permission, string> = {
  "request:manage": "requests.errors.ownerOnly",
  "request:post": "requests.errors.enterpriseOnly",
  "bid:submit": "requests.errors.agencyOnly",
  "contract:serve": "award.errors.notWinner",
  "contract:confirm": "award.errors.forbidden",
  "objection:file": "errors.forbiddenBody",
  "supervision:act": "errors.regulatorOnly",
  "rating:write": "ratings.errors.ownerOnly",
  "rating:reply": "ratings.errors.agencyOnly",
  "rating:hide": "ratings.errors.regulatorOnly",
  "agency:self": "errors.forbiddenBody",
  "catalogue:edit": "errors.forbiddenBody",
  "case:view": "errors.forbiddenBody",
  "case:appeal": "cases.errors.agencyOnly",
  "case:complain": "errors.forbiddenBody",
  "dashboard:view": "errors.forbiddenBody",
  "mail:admin": "errors.forbiddenBody",
  "inspection:manage": "inspections.errors.regulatorOnly",
  "practitioner:sanction": "practitioners.errors.regulatorOnly",
  "zone:manage": "zones.errors.managerOnly",
  "case:defend": "cases.errors.agencyOnlyDefence",
  "project:follow": "navigator.errors.enterpriseOnly",
};

/** True when `user` (or nobody) has the permission. Safe in components: it reads only the role. */
export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}
