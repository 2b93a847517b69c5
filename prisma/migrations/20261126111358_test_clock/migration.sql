-- CreateTable
CREATE TABLE "TestClock" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "offsetSeconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TestClock_pkey" PRIMARY KEY ("id")
);


