import type { Route } from "../../routes/+types/agency.profile";

export type ProfilePage = Route.ComponentProps["loaderData"];
export type Profile = ProfilePage["profile"];
export type Item = ProfilePage["items"][number];
