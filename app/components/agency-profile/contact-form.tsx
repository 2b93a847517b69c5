import { useTranslation } from "~/i18n/use-translation";
import { Form, useLocation } from "react-router";
import { FormError, TextArea, TextField } from "~/components/field";
import type { ActionFailure } from "~/lib/forms";
import { LIMITS } from "~/schemas/agency";
import type { Profile } from "./types";

/** Contact details and the introduction: the part of the profile the agency edits itself. */
export function ContactForm({ profile, failed: profileResult }: { profile: Profile; failed?: ActionFailure }) {
  const { t } = useTranslation();
  const location = useLocation();
  const org = profile.organization;
  return (
    <section className="card" aria-labelledby="contact-title">
      <h2 id="contact-title" className="h2">
        {t("agencyProfile.profile.heading")}
      </h2>
      <Form method="post" className="mt-4 space-y-4" noValidate key={`profile-${location.key}`}>
        <input type="hidden" name="intent" value="update-profile" />
        <FormError message={profileResult?.formError} params={profileResult?.params} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={t("agencyProfile.profile.contactName")}
            name="contactName"
            required
            autoComplete="name"
            defaultValue={profileResult?.values.contactName ?? org.contactName ?? ""}
            errors={profileResult?.fieldErrors.contactName}
          />
          <TextField
            label={t("agencyProfile.profile.contactPhone")}
            name="contactPhone"
            type="tel"
            inputMode="tel"
            required
            autoComplete="tel"
            defaultValue={profileResult?.values.contactPhone ?? org.contactPhone ?? ""}
            errors={profileResult?.fieldErrors.contactPhone}
          />
          <TextField
            label={t("agencyProfile.profile.contactEmail")}
            name="contactEmail"
            type="email"
            required
            autoComplete="email"
            defaultValue={profileResult?.values.contactEmail ?? org.contactEmail ?? ""}
            errors={profileResult?.fieldErrors.contactEmail}
          />
        </div>
        <TextArea
          label={t("agencyProfile.profile.introduction")}
          name="introduction"
          rows={6}
          hint={t("agencyProfile.profile.introductionHint", { max: LIMITS.introduction })}
          defaultValue={profileResult?.values.introduction ?? profile.introduction}
          errors={profileResult?.fieldErrors.introduction}
        />
        <button type="submit" className="btn-primary">
          {t("agencyProfile.profile.submit")}
        </button>
      </Form>
    </section>
  );
}
