import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("register", "routes/register.tsx"),
  route("language", "routes/language.tsx"),
  route("dashboard", "routes/dashboard.tsx"),
  route("catalogue", "routes/catalogue.tsx"),
  route("catalogue/:code", "routes/catalogue-item.tsx"),
  route("agencies", "routes/agencies.tsx"),
  route("requests", "routes/requests.tsx"),
  route("announcements", "routes/announcements.tsx"),
  route("credit", "routes/credit.tsx"),
  route("regulator/reviews", "routes/regulator.reviews.tsx"),
  route("admin/catalogue", "routes/admin.catalogue.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
