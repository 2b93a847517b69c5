import { useTranslation } from "~/i18n/use-translation";
import { announcementText, type AnnouncementFacts, type AnnouncementText } from "./announcement-text";
import { formatBeijingMinute } from "./format";

/**
 * The page's way to word announcements: title and body lines in the reader's
 * language (app/lib/announcement-text.ts), and a publication instant in
 * Beijing time, said so.
 */
export function useAnnouncementText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const translate = (key: string, options?: Record<string, unknown>) => t(key as never, options as never) as unknown as string;
  return {
    text: (a: { title: string; body?: string; facts: AnnouncementFacts | null }): AnnouncementText => announcementText(a, translate, lang),
    time: (value: Date | string) => t("announcementText.time", { time: formatBeijingMinute(value) }),
  };
}
