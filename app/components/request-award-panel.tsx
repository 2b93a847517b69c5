import type { AwardPanelData } from "~/services/requests/award-view.server";

/** The award / publicity / contract / delivery panel on a request page (filled in by the award feature). */
export function RequestAwardPanel({ data }: { data: AwardPanelData | null }) {
  if (!data) return null;
  return null;
}
