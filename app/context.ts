import { createContext } from "react-router";

/** The client's IP as seen by the server (honours TRUST_PROXY), used for login throttling. */
export const clientIpContext = createContext<string>("unknown");
