import type { Db } from "~/db/client.server";
import type { SessionUser } from "~/lib/session.server";

/**
 * Data for the award / publicity / contract / delivery panel of a request page,
 * shaped for the viewer's role. (Contract between the request page and the
 * award lifecycle; filled in by the award feature.)
 */
export type AwardPanelData = { requestId: string; status: string };

export async function loadAwardPanel(_db: Db, _user: SessionUser | null, _requestId: string): Promise<AwardPanelData | null> {
  return null;
}
