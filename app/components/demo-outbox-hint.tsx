import { useTranslation } from "~/i18n/use-translation";
import { Link } from "~/components/link";

/** In the demo without SMTP (decision 029): where the mail just "sent" can be read. */
export function DemoOutboxHint({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="mt-2 text-sm text-slate-700" data-testid="demo-outbox-hint">
      {t("mail.outbox.demoHint")}{" "}
      <Link className="link" to="/dev/outbox">
        {t("mail.outbox.title")}
      </Link>
    </p>
  );
}
