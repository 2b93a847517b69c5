import { useTranslation } from "~/i18n/use-translation";
import { data } from "react-router";
import { Link } from "~/components/link";
import type { Route } from "./+types/requests.$id.rating";
import { pageTitle } from "~/lib/meta";
import { RatingPanel } from "~/components/rating-panel";
import { isActionFailure, type ActionFailure } from "~/lib/forms";
import { defineAction, parseInput, visitor } from "~/lib/route.server";
import { hideSchema, ratingSchema, replySchema } from "~/schemas/rating";
import { assertRatingTarget } from "~/services/ratings/queries.server";
import { hideRatingText, rateRequest, replyToRating } from "~/services/ratings/ratings.server";
import { ratingPanelData } from "~/services/ratings/view.server";
import { assertOwnRequest, findPublishedRequest } from "~/services/requests/queries.server";

/**
 * POST /requests/:id/rating — intent=rate | reply | hide (网上评价).
 * Success redirects to the request page (?rating=<intent>#rating). A refusal
 * is a 4xx ActionFailure (i18n keys per field, the input echoed back): a
 * fetcher on the request page shows it in place; a browser without JavaScript
 * lands on this route's page, which renders the same panel with the errors
 * next to their fields. GET shows that page (the panel alone) for the request.
 *
 * 400 bad input · 403 not the owner / the rated agency / a regulator ·
 * 404 no such request or rating · 409 not completed, already rated / replied /
 * hidden. Anonymous posts are redirected to the login page. Who may send the
 * intent is checked before any input is read; the service checks again
 * inside its transaction.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, db } = await visitor(request);
  const r = await findPublishedRequest(db, params.id);
  if (!r) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  const panel = await ratingPanelData(db, user, params.id);
  return data({ request: { id: r.id, code: r.code, title: r.title }, panel }, { headers: { "Cache-Control": "private, no-store" } });
}

type Params = Route.ActionArgs["params"];
const done = (params: Params, intent: string) => `/requests/${params.id}?rating=${intent}#rating`;

export const action = defineAction<Params>({
  commands: {
    rate: {
      permission: "rating:write",
      run: async (_input, { db, user, params, values }) => {
        await assertOwnRequest(db, user, params.id, "ratings.errors.ownerOnly");
        await rateRequest(db, user, params.id, parseInput(ratingSchema, values));
        return done(params, "rate");
      },
    },
    reply: {
      permission: "rating:reply",
      run: async (_input, { db, user, params, values }) => {
        const ratingId = values.ratingId ?? "";
        await assertRatingTarget(db, user, params.id, ratingId, "reply");
        await replyToRating(db, user, ratingId, parseInput(replySchema, values).text);
        return done(params, "reply");
      },
    },
    hide: {
      permission: "rating:hide",
      run: async (_input, { db, user, params, values }) => {
        const ratingId = values.ratingId ?? "";
        await assertRatingTarget(db, user, params.id, ratingId, "hide");
        await hideRatingText(db, user, ratingId, parseInput(hideSchema, values).reason);
        return done(params, "hide");
      },
    },
  },
});

export function meta({ data: d, matches }: Route.MetaArgs) {
  return pageTitle(matches, d?.request.title || { key: "titles.rating" });
}

export default function RatingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const failure = isActionFailure(actionData) ? actionData : null;
  const { request: r, panel } = loaderData;
  return (
    <article className="space-y-4">
      <header className="card">
        <p className="font-mono text-xs text-slate-500">{r.code}</p>
        <h1 className="h1 mt-1">{r.title}</h1>
        <p className="mt-2">
          <Link className="link" to={`/requests/${r.id}`}>
            {t("ratings.errorPage.back")}
          </Link>
        </p>
      </header>
      {panel ? (
        <RatingPanel data={panel} failure={failure} />
      ) : failure ? (
        <section className="card space-y-2" aria-labelledby="rating-error-title">
          <h2 id="rating-error-title" className="h2">
            {t("ratings.errorPage.title")}
          </h2>
          <RefusalText failure={failure} />
        </section>
      ) : (
        <p className="card text-sm text-slate-600">{t("ratings.errors.notCompleted")}</p>
      )}
    </article>
  );
}

function RefusalText({ failure }: { failure: ActionFailure }) {
  const { t } = useTranslation();
  const key = failure.formError ?? Object.values(failure.fieldErrors)[0]?.[0] ?? "errors.badRequestTitle";
  return (
    <p role="alert" className="text-sm text-red-800">
      {t(key as never, failure.params ?? {}) as string}
    </p>
  );
}
