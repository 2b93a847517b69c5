import { useTranslation } from "~/i18n/use-translation";
import { CheckboxGroup, SelectField, TextArea, TextField } from "~/components/field";
import { INDUSTRIES, RULE_LIMITS, STAGES } from "~/schemas/navigator";

/** The text values a rule form shows: the stored rule, or what was posted after a refusal (the industries apart: several). */
export type RuleFormValues = Record<string, string>;

export function ruleFormValues(r: {
  item: { code: string };
  zoneId: string | null;
  stage: string;
  position: number;
  industries: string[];
  scale: string | null;
  govFunded: boolean | null;
  note: string;
  noteEn: string;
}): RuleFormValues {
  return {
    itemCode: r.item.code,
    zone: r.zoneId ?? "",
    stage: r.stage,
    position: String(r.position),
    scale: r.scale ?? "ANY",
    govFunded: r.govFunded === null ? "ANY" : r.govFunded ? "YES" : "NO",
    note: r.note,
    noteEn: r.noteEn,
  };
}

/** The fields of a navigator rule (decision 039), shared by the new-rule and edit forms. */
export function RuleFields(props: {
  values: RuleFormValues;
  /** The ticked industries: the stored rule's, or every one posted. */
  industries: string[];
  errors: Record<string, string[]>;
  zones: { id: string; code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { values: v, errors: e } = props;
  return (
    <>
      <TextField
        label={t("navigator.admin.fields.itemCode")}
        name="itemCode"
        required
        defaultValue={v.itemCode}
        errors={e.itemCode}
        hint={t("navigator.admin.hints.itemCode")}
      />
      <SelectField
        label={t("navigator.admin.fields.zone")}
        name="zone"
        defaultValue={v.zone ?? ""}
        errors={e.zone}
        options={[
          { value: "", label: t("navigator.rules.allBlocks") },
          ...props.zones.map((z) => ({ value: z.id, label: `${z.code} ${z.name}` })),
        ]}
      />
      <SelectField
        label={t("navigator.admin.fields.stage")}
        name="stage"
        required
        defaultValue={v.stage ?? "APPROVAL"}
        errors={e.stage}
        options={STAGES.map((s) => ({ value: s, label: t(`zones.navigator.stages.${s}`) }))}
      />
      <TextField
        label={t("navigator.admin.fields.position")}
        name="position"
        required
        inputMode="numeric"
        defaultValue={v.position}
        errors={e.position}
        hint={t("navigator.admin.hints.position")}
      />
      <CheckboxGroup
        legend={t("navigator.admin.fields.industries")}
        name="industries"
        defaultValues={props.industries}
        errors={e.industries}
        hint={t("navigator.admin.hints.industries")}
        options={INDUSTRIES.map((i) => ({ value: i, label: t(`zones.navigator.industries.${i}`) }))}
      />
      <SelectField
        label={t("navigator.admin.fields.scale")}
        name="scale"
        defaultValue={v.scale ?? "ANY"}
        errors={e.scale}
        options={(["ANY", "LARGE"] as const).map((s) => ({ value: s, label: t(`navigator.admin.scale.${s}`) }))}
      />
      <SelectField
        label={t("navigator.admin.fields.govFunded")}
        name="govFunded"
        defaultValue={v.govFunded ?? "ANY"}
        errors={e.govFunded}
        options={(["ANY", "YES", "NO"] as const).map((g) => ({ value: g, label: t(`navigator.rules.gov.${g}`) }))}
      />
      <TextArea
        label={t("navigator.admin.fields.note")}
        name="note"
        rows={2}
        maxLength={RULE_LIMITS.note}
        defaultValue={v.note}
        errors={e.note}
      />
      <TextArea
        label={t("navigator.admin.fields.noteEn")}
        name="noteEn"
        rows={2}
        maxLength={RULE_LIMITS.note}
        defaultValue={v.noteEn}
        errors={e.noteEn}
      />
    </>
  );
}
