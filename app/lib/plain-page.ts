import { createContext, useContext } from "react";

/**
 * True while rendering a plain page (decision 037): no React in the browser, only the small
 * `app/enhance/enhance.js`. Components that offer something only a script can do render it
 * for that script (data attributes) instead of for React.
 */
export const PlainPageContext = createContext(false);

export function usePlainPage(): boolean {
  return useContext(PlainPageContext);
}
