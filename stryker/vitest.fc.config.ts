// Vitest config used only by Stryker for the fair-competition engine (npm run test:mutation:fc): the unit
// project's fair-competition tests without the labelled corpus. The corpus test reviews ~11,000 texts (45 s on
// this machine); every mutant of the engine's scan is covered by it, so with it a whole-file run is days. Without
// it the score is a lower bound: a mutant the rules' own examples miss may still be killed by the corpus.
import { defineConfig } from "vitest/config";
import unit from "./vitest.unit.config";

export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: ["app/services/fair-competition/*.test.ts", "app/services/requests/fair-competition*.test.ts"],
    exclude: ["app/services/fair-competition/corpus.test.ts"],
  },
});
