import { type RouteConfig, index, route } from "@react-router/dev/routes";

/**
 * Every URL, grouped by who uses it; each file is named after its URL
 * (`$param` for a dynamic segment). Shapes of loaders and actions:
 * docs/architecture.md.
 */
export default [
  // Public: anyone may read these (sealed data is filtered by the modules).
  index("routes/_index.tsx"),
  route("catalogue", "routes/catalogue.tsx"),
  route("catalogue/:code", "routes/catalogue.$code.tsx"),
  route("agencies", "routes/agencies.tsx"),
  route("agencies/:id", "routes/agencies.$id.tsx"),
  route("requests", "routes/requests.tsx"),
  route("requests/:id", "routes/requests.$id.tsx"),
  route("announcements", "routes/announcements.tsx"),
  route("announcements/:id", "routes/announcements.$id.tsx"),
  route("announcements.atom", "routes/announcements.atom.ts"),
  route("announcements/:id/draw.json", "routes/announcements.$id.draw.json.ts"),
  route("credit", "routes/credit.tsx"),
  route("credit.json", "routes/credit.json.ts"),
  route("audit", "routes/audit.tsx"),
  route("audit/checkpoints.json", "routes/audit.checkpoints.json.ts"),
  route("audit/inclusion.json", "routes/audit.inclusion.json.ts"),
  route("audit/consistency.json", "routes/audit.consistency.json.ts"),
  route("ocds/releases.json", "routes/ocds.releases.json.ts"),
  route("ocds/records/:ocid", "routes/ocds.records.$ocid.ts"),
  route("ocds/bulk.json", "routes/ocds.bulk.json.ts"),

  // The public read-only API (decision 028): JSON for other systems, described by OpenAPI 3.1.
  route("api", "routes/api.tsx"),
  route("api/openapi.json", "routes/api.openapi.json.ts"),
  route("api/v1/items", "routes/api.v1.items.ts"),
  route("api/v1/items/:code", "routes/api.v1.items.$code.ts"),
  route("api/v1/items/:code/versions", "routes/api.v1.items.$code.versions.ts"),
  route("api/v1/agencies", "routes/api.v1.agencies.ts"),
  route("api/v1/agencies/:id", "routes/api.v1.agencies.$id.ts"),
  route("api/v1/agencies/by-credit-code/:creditCode", "routes/api.v1.agencies.by-credit-code.$creditCode.ts"),
  route("api/v1/requests", "routes/api.v1.requests.ts"),
  route("api/v1/requests/:id", "routes/api.v1.requests.$id.ts"),
  route("api/v1/announcements", "routes/api.v1.announcements.ts"),
  route("api/v1/announcements/:id", "routes/api.v1.announcements.$id.ts"),
  route("api/v1/credit/disclosures", "routes/api.v1.credit.disclosures.ts"),
  route("api/v1/credit/practitioner-sanctions", "routes/api.v1.credit.practitioner-sanctions.ts"),
  route("api/v1/*", "routes/api.v1.$.ts"),
  route("inspections", "routes/inspections.tsx"),
  route("inspections/:id", "routes/inspections.$id.tsx"),
  route("inspections/:id/draw.json", "routes/inspections.$id.draw.json.ts"),
  route("zones", "routes/zones.tsx"),
  route("zones/:id", "routes/zones.$id.tsx"),
  route("zones/:id/results/:resultId/file", "routes/zones.$id.results.$resultId.file.ts"),
  route("navigator", "routes/navigator.tsx"),
  route("navigator/rules", "routes/navigator.rules.tsx"),
  route("navigator/rules/:id", "routes/navigator.rules.$id.tsx"),
  route("navigator/projects", "routes/navigator.projects.tsx"),

  // Accounts.
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("register", "routes/register.tsx"),
  route("language", "routes/language.tsx"),
  route("dashboard", "routes/dashboard.tsx"),
  route("settings/notifications", "routes/settings.notifications.tsx"),
  route("verify-email", "routes/verify-email.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("dev/outbox", "routes/dev.outbox.tsx"),

  // Enterprises: requests, award, contract, rating.
  route("requests/new", "routes/requests.new.tsx"),
  route("requests/:id/award", "routes/requests.$id.award.tsx"),
  route("requests/:id/rating", "routes/requests.$id.rating.tsx"),
  route("requests/:id/deliveries/:deliveryId/file", "routes/requests.$id.deliveries.$deliveryId.file.ts"),
  route("requests/:id/attachments/:attachmentId", "routes/requests.$id.attachments.$attachmentId.ts"),

  // Agencies: their own listing.
  route("agency/profile", "routes/agency.profile.tsx"),
  route("agency/practitioner-sanctions", "routes/agency.practitioner-sanctions.tsx"),
  route("agency/reapply", "routes/agency.reapply.tsx"),
  route("agency/exit", "routes/agency.exit.tsx"),

  // Regulators: review, objections, cases, the dashboard.
  route("regulator", "routes/regulator.tsx"),
  route("regulator/reviews", "routes/regulator.reviews.tsx"),
  route("regulator/objections", "routes/regulator.objections.tsx"),
  route("regulator/fairness", "routes/regulator.fairness.tsx"),
  route("regulator/inspections", "routes/regulator.inspections.tsx"),
  route("regulator/inspections/:id", "routes/regulator.inspections.$id.tsx"),
  route("regulator/practitioners", "routes/regulator.practitioners.tsx"),
  route("regulator/practitioners/:id", "routes/regulator.practitioners.$id.tsx"),
  route("cases", "routes/cases.tsx"),
  route("cases/new", "routes/cases.new.tsx"),
  route("cases/:id", "routes/cases.$id.tsx"),

  // Catalogue administration.
  route("admin/catalogue", "routes/admin.catalogue.tsx"),
  route("admin/catalogue/new", "routes/admin.catalogue.new.tsx"),
  route("admin/catalogue/:code/edit", "routes/admin.catalogue.$code.edit.tsx"),
  route("admin/navigator-rules", "routes/admin.navigator-rules.tsx"),
  route("admin/navigator-rules/:id", "routes/admin.navigator-rules.$id.tsx"),

  // Resources.
  route("documents/:id", "routes/documents.$id.ts"),
  route("healthz", "routes/healthz.ts"),
  route("readyz", "routes/readyz.ts"),
  route("__test/clock", "routes/__test.clock.ts"),
  route("*", "routes/$.tsx"),
] satisfies RouteConfig;
