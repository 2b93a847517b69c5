// The catalogue item form, shared by the create and edit pages.
import { useTranslation } from "~/i18n/use-translation";
import { SelectField, TextArea, TextField } from "~/components/field";
import type { FieldErrors } from "~/lib/forms";

type Values = Record<string, string | undefined>;

type ItemFields = {
  code: string;
  name: string;
  nameEn: string;
  aliases: string[];
  category: string;
  categoryEn: string;
  department: string;
  approvalServed: string;
  legalBasis: string;
  feeBasis: string;
  timeLimitDays: number;
  qualificationTypes: string[];
  standards: string;
  materials: string;
  procedure: string;
  content: string;
  fees: string;
  qualityControl: string;
};

/** Form values for an existing item (qualification types one per line). */
export function itemFormValues(item: ItemFields): Record<keyof ItemFields, string> {
  return {
    code: item.code,
    name: item.name,
    nameEn: item.nameEn,
    aliases: item.aliases.join("、"),
    category: item.category,
    categoryEn: item.categoryEn,
    department: item.department,
    approvalServed: item.approvalServed,
    legalBasis: item.legalBasis,
    feeBasis: item.feeBasis,
    standards: item.standards,
    materials: item.materials,
    procedure: item.procedure,
    content: item.content,
    fees: item.fees,
    qualityControl: item.qualityControl,
    timeLimitDays: String(item.timeLimitDays),
    qualificationTypes: item.qualificationTypes.join("\n"),
  };
}

export function CatalogueItemFields({ values, errors, mode }: { values: Values; errors: FieldErrors; mode: "create" | "edit" }) {
  const { t } = useTranslation();
  const text = (name: "name" | "nameEn" | "category" | "categoryEn" | "department") => (
    <TextField label={t(`catalogueAdmin.fields.${name}`)} name={name} required defaultValue={values[name]} errors={errors[name]} />
  );
  const area = (
    name: "approvalServed" | "legalBasis" | "standards" | "materials" | "procedure" | "content" | "fees" | "qualityControl",
    rows = 4,
  ) => (
    <TextArea
      label={t(`catalogueAdmin.fields.${name}`)}
      name={name}
      rows={rows}
      required
      defaultValue={values[name]}
      errors={errors[name]}
    />
  );
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {mode === "create" ? (
          <TextField
            label={t("catalogueAdmin.fields.code")}
            name="code"
            required
            defaultValue={values.code}
            errors={errors.code}
            hint={t("catalogueAdmin.codeFixed")}
          />
        ) : null}
        {text("name")}
        {text("nameEn")}
        <TextField
          label={t("catalogueAdmin.fields.aliases")}
          name="aliases"
          defaultValue={values.aliases}
          errors={Object.entries(errors).flatMap(([k, v]) => (k === "aliases" || k.startsWith("aliases.") ? v : []))}
          hint={t("catalogueAdmin.aliasesHint")}
        />
        {text("category")}
        {text("categoryEn")}
        {text("department")}
        <SelectField
          label={t("catalogueAdmin.fields.feeBasis")}
          name="feeBasis"
          required
          defaultValue={values.feeBasis ?? "MARKET"}
          errors={errors.feeBasis}
          options={(["MARKET", "GOVERNMENT"] as const).map((v) => ({ value: v, label: t(`feeBasis.${v}`) }))}
        />
        <TextField
          label={t("catalogueAdmin.fields.timeLimitDays")}
          name="timeLimitDays"
          inputMode="numeric"
          required
          defaultValue={values.timeLimitDays}
          errors={errors.timeLimitDays}
          hint={t("catalogueAdmin.timeLimitHint")}
        />
      </div>
      {area("approvalServed", 2)}
      {area("legalBasis")}
      <TextArea
        label={t("catalogueAdmin.fields.qualificationTypes")}
        name="qualificationTypes"
        rows={3}
        defaultValue={values.qualificationTypes}
        errors={Object.entries(errors).flatMap(([k, v]) => (k === "qualificationTypes" || k.startsWith("qualificationTypes.") ? v : []))}
        hint={t("catalogueAdmin.qualificationHint")}
      />
      {area("standards")}
      {area("materials", 6)}
      {area("procedure", 6)}
      {area("content", 5)}
      {area("fees")}
      {area("qualityControl")}
    </>
  );
}
