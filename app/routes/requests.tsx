import { useTranslation } from "react-i18next";

export default function Requests() {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <h1 className="h1">{t("requests.title")}</h1>
      <p className="card text-slate-600">{t("requests.empty")}</p>
    </div>
  );
}
