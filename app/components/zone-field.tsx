import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";
import { SelectField, TextArea } from "~/components/field";

type Failure = { fieldErrors?: Record<string, string[]>; params?: Record<string, string | number> } | undefined;

/**
 * The request form's project zone (区域评估, decision 036): an optional choice of zone,
 * the reason field when the district asks for one, and, after the server said the item is
 * covered, links to the result and its report.
 */
export function ZoneField(props: {
  zones: { id: string; code: string; name: string }[];
  mode: "REFUSE" | "ASK";
  values: { zoneId?: string; zoneReason?: string };
  failed: Failure;
}) {
  const { t } = useTranslation();
  const errors = props.failed?.fieldErrors ?? {};
  const p = props.failed?.params;
  const covered = p && typeof p.resultId === "string" && typeof p.zoneId === "string" ? p : null;
  if (props.zones.length === 0) return null;
  return (
    <div className="space-y-3">
      <SelectField
        label={t("zones.posting.zone")}
        name="zoneId"
        defaultValue={props.values.zoneId ?? ""}
        placeholder={t("zones.posting.noZone")}
        errors={errors.zoneId}
        params={p}
        hint={t("zones.posting.zoneHint")}
        options={props.zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` }))}
      />
      {covered ? (
        <p className="text-sm" data-testid="zone-covered">
          {t("zones.posting.covered")}{" "}
          <Link className="link" to={`/zones/${covered.zoneId}#result-${covered.resultId}`}>
            {t("zones.posting.viewResult")}
          </Link>
          {covered.document ? (
            <>
              {" · "}
              <a className="link" href={`/zones/${covered.zoneId}/results/${covered.resultId}/file`} download>
                {t("zones.posting.downloadResult")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {props.mode === "ASK" ? (
        <TextArea
          label={t("zones.posting.reason")}
          name="zoneReason"
          rows={2}
          maxLength={500}
          defaultValue={props.values.zoneReason}
          errors={errors.zoneReason}
          params={p}
          hint={t("zones.posting.reasonHint")}
        />
      ) : null}
    </div>
  );
}
