import { useId, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Form, useNavigation } from "react-router";
import type { Route } from "./+types/requests.new";
import { pageTitle } from "~/lib/meta";
import { FormError, SelectField, TextArea, TextField, translateError } from "~/components/field";
import { useHydrated } from "~/lib/use-hydrated";
import { isActionFailure } from "~/lib/forms";
import { defineAction, guard, parseInput } from "~/lib/route.server";
import { requestFormSchema } from "~/schemas/request";
import { postRequest } from "~/services/requests/post.server";
import { SELECTION_METHODS } from "~/services/requests/enums";
import { dbNow } from "~/services/clock.server";
import { draftFormValues, postingFormOptions } from "~/services/requests/queries.server";
import { reviseDraft } from "~/services/requests/commands/revise-draft.server";
import { ZoneField } from "~/components/zone-field";
import { zoneChoices } from "~/services/zones/queries.server";
import { zoneExemptionMode } from "~/services/zones/exemption.server";

/** "YYYY-MM-DDTHH:mm" in Beijing time, for a datetime-local input. */
function beijingLocal(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

export async function loader({ request }: Route.LoaderArgs) {
  const { user, db } = await guard(request, "request:post");
  const { items, knownTypes, organizationKind } = await postingFormOptions(db, user);
  // Default deadline: a week from now (database clock, like every deadline) at 17:00 Beijing time.
  const week = new Date((await dbNow(db)).getTime() + 7 * 86_400_000);
  const closesAt = `${beijingLocal(week).slice(0, 10)}T17:00`;
  // ?draft=<id>: the same form changes one of the organization's drafts (a returned one, say).
  const search = new URL(request.url).searchParams;
  const draftId = search.get("draft");
  const draft = draftId ? await draftFormValues(db, user, draftId) : null;
  if (draftId && !draft) throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  // ?item=<code> (from a catalogue item's page): that item chosen, when it is in force.
  const itemCode = items.some((i) => i.code === search.get("item")) ? search.get("item")! : undefined;
  // ?zone=<id> (from the project navigator): the project's zone chosen, when it is one.
  const zones = await zoneChoices(db);
  const zoneId = zones.some((z) => z.id === search.get("zone")) ? search.get("zone")! : undefined;
  return {
    items,
    knownTypes,
    draft,
    zones,
    zoneMode: zoneExemptionMode(),
    defaults: { itemCode, zoneId, closesAt, fundingSource: organizationKind === "GOVERNMENT" ? "GOVERNMENT" : "ENTERPRISE" },
  };
}

/** Optional numbers left empty mean "the default" (minBidders: 3, or 1 for DIRECT); the schema would coerce "" to 0. */
const OPTIONAL_NUMBERS = ["minBidders", "weightPrice", "weightCredit", "weightDays"];

export const action = defineAction({
  commands: {
    default: {
      permission: "request:post",
      run: async (_input, { db, user, values }) => {
        const given = Object.fromEntries(Object.entries(values).filter(([k, v]) => !(OPTIONAL_NUMBERS.includes(k) && !v.trim())));
        const input = parseInput(requestFormSchema, given);
        const posted = values.draftId ? await reviseDraft(db, user, values.draftId, input) : await postRequest(db, user, input);
        const flag = posted.status === "DRAFT" ? "saved=draft" : posted.status === "FAIRNESS_REVIEW" ? "published=review" : "published=ok";
        return `/requests/${posted.id}?${flag}`;
      },
    },
  },
});

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, { key: "titles.newRequest" });
}

type Option = { value: string; label: string; hint?: string; disabled?: boolean };

/** Radio buttons under a legend, each with an optional explanation; one error for the group. */
function RadioGroup(props: {
  legend: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  errors?: string[];
  hint?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const described = [props.hint ? `${id}-hint` : null, props.errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={described} aria-invalid={props.errors?.length ? true : undefined}>
      <legend className="label">
        {props.legend}
        <span className="ml-1 text-red-700" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="mt-2 space-y-2">
        {props.options.map((o) => (
          <div key={o.value}>
            <label className={`flex items-start gap-2 text-sm ${o.disabled ? "text-slate-400" : ""}`}>
              <input
                type="radio"
                name={props.name}
                value={o.value}
                checked={props.value === o.value}
                disabled={o.disabled}
                onChange={() => props.onChange(o.value)}
                className="mt-0.5"
                aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              />
              <span>{o.label}</span>
            </label>
            {o.hint ? (
              <p id={`${id}-${o.value}-hint`} className="hint ml-6">
                {o.hint}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      {props.hint ? (
        <p id={`${id}-hint`} className="hint">
          {props.hint}
        </p>
      ) : null}
      {props.errors?.length ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {props.errors.map((e) => translateError(t, e)).join("；")}
        </p>
      ) : null}
    </fieldset>
  );
}

export default function NewRequest({ loaderData: d, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const navigation = useNavigation();
  const failed = isActionFailure(actionData) ? actionData : undefined;
  const values = failed?.values ?? d.draft ?? {};
  const errors = failed?.fieldErrors ?? {};
  const [funding, setFunding] = useState(values.fundingSource ?? d.defaults.fundingSource);
  const [priceMode, setPriceMode] = useState(values.priceMode ?? "AMOUNT");
  const [method, setMethod] = useState(values.selectionMethod ?? "LOWEST_PRICE");
  // Without JavaScript every field is shown; once hydrated, the ones that do not apply are hidden.
  const hydrated = useHydrated();
  const government = funding === "GOVERNMENT";
  const chooseFunding = (v: string) => {
    setFunding(v);
    if (v === "GOVERNMENT" && method === "DIRECT") setMethod("LOWEST_PRICE");
  };
  const weightErrors = errors.weightPrice ?? errors.weightCredit ?? errors.weightDays;
  return (
    <section className="card mx-auto max-w-3xl" aria-labelledby="new-request-title">
      <h1 id="new-request-title" className="h1">
        {values.draftId ? t("requests.new.editTitle") : t("requests.new.title")}
      </h1>
      <p className="mt-1 text-sm text-slate-600">{values.draftId ? t("requests.new.editIntro") : t("requests.new.intro")}</p>
      <Form method="post" className="mt-6 space-y-6" noValidate>
        {values.draftId ? <input type="hidden" name="draftId" value={values.draftId} /> : null}
        <FormError message={failed?.formError} params={failed?.params} />

        <fieldset className="space-y-4">
          <legend className="h2">{t("requests.new.sectionBasics")}</legend>
          <SelectField
            label={t("requests.fields.item")}
            name="itemCode"
            required
            defaultValue={values.itemCode ?? d.defaults.itemCode}
            placeholder={t("requests.new.chooseItem")}
            errors={errors.itemCode}
            hint={t("requests.new.itemHint")}
            options={d.items.map((i) => ({ value: i.code, label: `${i.code} ${lang === "en" ? i.nameEn : i.name}` }))}
          />
          <ZoneField zones={d.zones} mode={d.zoneMode} values={{ zoneId: d.defaults.zoneId, ...values }} failed={failed} />
          <TextField label={t("requests.fields.title")} name="title" required defaultValue={values.title} errors={errors.title} />
          <TextArea
            label={t("requests.fields.description")}
            name="description"
            required
            rows={6}
            maxLength={5000}
            defaultValue={values.description}
            errors={errors.description}
            hint={t("requests.new.descriptionHint")}
          />
          <RadioGroup
            legend={t("requests.fields.fundingSource")}
            name="fundingSource"
            value={funding}
            onChange={chooseFunding}
            errors={errors.fundingSource}
            options={(["ENTERPRISE", "GOVERNMENT"] as const).map((f) => ({
              value: f,
              label: t(`requests.funding.${f}`),
              hint: t(`requests.fundingHints.${f}`),
            }))}
          />
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="h2">{t("requests.new.sectionPrice")}</legend>
          <RadioGroup
            legend={t("requests.fields.priceMode")}
            name="priceMode"
            value={priceMode}
            onChange={setPriceMode}
            errors={errors.priceMode}
            options={(["AMOUNT", "DISCOUNT"] as const).map((m) => ({ value: m, label: t(`requests.priceModes.${m}`) }))}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            {!hydrated || priceMode === "AMOUNT" ? (
              <TextField
                label={t("requests.fields.priceCapYuan")}
                name="priceCap"
                inputMode="numeric"
                defaultValue={values.priceCap}
                errors={errors.priceCap}
                hint={t("requests.new.priceCapHint")}
              />
            ) : null}
            {!hydrated || priceMode === "DISCOUNT" ? (
              <>
                <TextField
                  label={t("requests.fields.basePriceYuan")}
                  name="basePrice"
                  inputMode="numeric"
                  defaultValue={values.basePrice}
                  errors={errors.basePrice}
                  hint={t("requests.new.basePriceHint")}
                />
                <TextField
                  label={t("requests.fields.discountRate")}
                  name="discountRate"
                  inputMode="numeric"
                  defaultValue={values.discountRate}
                  errors={errors.discountRate}
                  hint={t("requests.new.discountRateHint")}
                />
              </>
            ) : null}
          </div>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="h2">{t("requests.new.sectionSelection")}</legend>
          <RadioGroup
            legend={t("requests.fields.method")}
            name="selectionMethod"
            value={method}
            onChange={setMethod}
            errors={errors.selectionMethod}
            options={SELECTION_METHODS.map((m) => ({
              value: m,
              label: t(`requests.methods.${m}`),
              hint:
                m === "DIRECT" && government
                  ? `${t("requests.methodHints.DIRECT")} ${t("requests.new.directGovernment")}`
                  : t(`requests.methodHints.${m}`),
              // The server refuses it anyway (Principle 4); the checked one stays enabled so its error can be read.
              disabled: m === "DIRECT" && government && hydrated && method !== "DIRECT",
            }))}
          />
          {!hydrated || method === "SCORED" ? (
            <fieldset aria-describedby="weights-hint">
              <legend className="label">{t("requests.new.weights")}</legend>
              <div className="mt-2 grid gap-4 sm:grid-cols-3">
                <TextField
                  label={t("requests.fields.weightPrice")}
                  name="weightPrice"
                  inputMode="numeric"
                  defaultValue={values.weightPrice ?? "60"}
                  errors={weightErrors}
                />
                <TextField
                  label={t("requests.fields.weightCredit")}
                  name="weightCredit"
                  inputMode="numeric"
                  defaultValue={values.weightCredit ?? "30"}
                  errors={errors.weightCredit && !errors.weightPrice ? errors.weightCredit : undefined}
                />
                <TextField
                  label={t("requests.fields.weightDays")}
                  name="weightDays"
                  inputMode="numeric"
                  defaultValue={values.weightDays ?? "10"}
                  errors={errors.weightDays && !errors.weightPrice ? errors.weightDays : undefined}
                />
              </div>
              <p id="weights-hint" className="hint">
                {t("requests.new.weightsHint")}
              </p>
            </fieldset>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t("requests.fields.closesAt")}
              name="closesAt"
              type="datetime-local"
              required
              defaultValue={values.closesAt ?? d.defaults.closesAt}
              errors={errors.closesAt}
              hint={t("requests.new.closesAtHint")}
            />
            <TextField
              label={t("requests.fields.minBidders")}
              name="minBidders"
              inputMode="numeric"
              defaultValue={values.minBidders}
              errors={errors.minBidders}
              hint={t("requests.new.minBiddersHint")}
            />
            <TextField
              label={t("requests.fields.serviceDays")}
              name="serviceDays"
              inputMode="numeric"
              required
              defaultValue={values.serviceDays}
              errors={errors.serviceDays}
              hint={t("requests.new.serviceDaysHint")}
            />
            <TextField
              label={t("requests.fields.publicityDays")}
              name="publicityDays"
              inputMode="numeric"
              required
              defaultValue={values.publicityDays ?? "3"}
              errors={errors.publicityDays}
              hint={t("requests.new.publicityDaysHint")}
            />
          </div>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="h2">{t("requests.new.sectionConditions")}</legend>
          <div>
            <TextArea
              label={t("requests.fields.qualifications")}
              name="qualifications"
              rows={3}
              maxLength={2000}
              defaultValue={values.qualifications}
              errors={errors.qualifications}
              hint={t("requests.new.qualificationsHint")}
            />
            <details className="mt-1 text-xs text-slate-600">
              <summary className="cursor-pointer">{t("requests.new.knownTypes", { count: d.knownTypes.length })}</summary>
              <ul className="mt-1 grid gap-x-4 sm:grid-cols-2">
                {d.knownTypes.map((k) => (
                  <li key={k}>{k}</li>
                ))}
              </ul>
            </details>
          </div>
          <TextArea
            label={t("requests.fields.avoidances")}
            name="avoidances"
            rows={3}
            maxLength={5000}
            defaultValue={values.avoidances}
            errors={errors.avoidances}
            hint={t("requests.new.avoidancesHint")}
          />
        </fieldset>

        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="publish" className="btn-primary" disabled={navigation.state !== "idle"}>
            {t("requests.new.publish")}
          </button>
          <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={navigation.state !== "idle"}>
            {t("requests.new.saveDraft")}
          </button>
        </div>
        <p className="hint">{t("requests.new.publishHint")}</p>
      </Form>
    </section>
  );
}
