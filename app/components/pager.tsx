import { useTranslation } from "~/i18n/use-translation";
import { useLocation } from "react-router";
import { Link } from "~/components/link";

export function Pager({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav aria-label={t("common.page", { page })} className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link className="btn-secondary" to={to(page - 1)}>
          {t("common.previous")}
        </Link>
      ) : null}
      <span>
        {t("common.page", { page })} / {pages}
      </span>
      {page < pages ? (
        <Link className="btn-secondary" to={to(page + 1)}>
          {t("common.next")}
        </Link>
      ) : null}
    </nav>
  );
}
