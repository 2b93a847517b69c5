import { useTranslation } from "react-i18next";

export default function Credit() {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("credit.title")}</h1>
      <p className="card text-slate-600">{t("credit.empty")}</p>
    </div>
  );
}
