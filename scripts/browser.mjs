// Which Chromium the browser tests use: the system's /usr/bin/chromium when
// present (the only option on machines without internet), else Playwright's own.
import { existsSync } from "node:fs";

export function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH))
    return { path: process.env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  if (existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", source: "system" };
  return null;
}

export async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const p = chromium.executablePath();
    return p && existsSync(p) ? { path: p, source: "playwright" } : null;
  } catch {
    return null;
  }
}
