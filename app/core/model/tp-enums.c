/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-enums.h"

G_DEFINE_ENUM_TYPE (TpScope, tp_scope,
  G_DEFINE_ENUM_VALUE (TP_SCOPE_HUMAN_LIFECYCLE, "human-lifecycle"),
  G_DEFINE_ENUM_VALUE (TP_SCOPE_CONSUMER_JOURNEY, "consumer-journey"),
  G_DEFINE_ENUM_VALUE (TP_SCOPE_CUSTOMER_JOURNEY, "customer-journey"),
  G_DEFINE_ENUM_VALUE (TP_SCOPE_USER_JOURNEY, "user-journey"))

G_DEFINE_ENUM_TYPE (TpJourneyState, tp_journey_state,
  G_DEFINE_ENUM_VALUE (TP_JOURNEY_STATE_AS_IS, "as-is"),
  G_DEFINE_ENUM_VALUE (TP_JOURNEY_STATE_TO_BE, "to-be"))

G_DEFINE_ENUM_TYPE (TpLaneKind, tp_lane_kind,
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_TOUCHPOINTS, "touchpoints"),
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_CUSTOMER_ACTIONS, "customer-actions"),
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_THOUGHTS_FEELINGS, "thoughts-feelings"),
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_EMOTION_CURVE, "emotion-curve"),
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_EMPLOYEE, "employee"),
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_OPPORTUNITIES, "opportunities"),
  G_DEFINE_ENUM_VALUE (TP_LANE_KIND_NOTES, "notes"))

G_DEFINE_ENUM_TYPE (TpChannel, tp_channel,
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_WEBSITE, "website"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_APP, "app"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_PHONE, "phone"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_CHAT, "chat"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_SOCIAL_MEDIA, "social-media"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_ADVERTISEMENT, "advertisement"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_WORD_OF_MOUTH, "word-of-mouth"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_SHOP, "shop"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_PHYSICAL_ENVIRONMENT, "physical-environment"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_PRODUCT, "product"),
  G_DEFINE_ENUM_VALUE (TP_CHANNEL_OTHER, "other"))

G_DEFINE_ENUM_TYPE (TpNoteKind, tp_note_kind,
  G_DEFINE_ENUM_VALUE (TP_NOTE_KIND_BLOCKER, "blocker"),
  G_DEFINE_ENUM_VALUE (TP_NOTE_KIND_ENABLER, "enabler"))

G_DEFINE_ENUM_TYPE (TpCardKind, tp_card_kind,
  G_DEFINE_ENUM_VALUE (TP_CARD_KIND_TOUCHPOINT, "touchpoint"),
  G_DEFINE_ENUM_VALUE (TP_CARD_KIND_ACTION, "action"),
  G_DEFINE_ENUM_VALUE (TP_CARD_KIND_THOUGHT, "thought"))

G_DEFINE_ENUM_TYPE (TpEvidence, tp_evidence,
  G_DEFINE_ENUM_VALUE (TP_EVIDENCE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TP_EVIDENCE_OBSERVED, "observed"),
  G_DEFINE_ENUM_VALUE (TP_EVIDENCE_REPORTED, "reported"),
  G_DEFINE_ENUM_VALUE (TP_EVIDENCE_ASSUMED, "assumed"))

G_DEFINE_ENUM_TYPE (TpOpportunityStatus, tp_opportunity_status,
  G_DEFINE_ENUM_VALUE (TP_OPPORTUNITY_STATUS_IDEA, "idea"),
  G_DEFINE_ENUM_VALUE (TP_OPPORTUNITY_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (TP_OPPORTUNITY_STATUS_DOING, "doing"),
  G_DEFINE_ENUM_VALUE (TP_OPPORTUNITY_STATUS_DONE, "done"),
  G_DEFINE_ENUM_VALUE (TP_OPPORTUNITY_STATUS_DROPPED, "dropped"))

const char *
tp_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
tp_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
tp_scope_get_display_name (TpScope scope)
{
  switch (scope)
    {
    case TP_SCOPE_HUMAN_LIFECYCLE: return _("Human lifecycle");
    case TP_SCOPE_CONSUMER_JOURNEY: return _("Consumer journey");
    case TP_SCOPE_CUSTOMER_JOURNEY: return _("Customer journey");
    case TP_SCOPE_USER_JOURNEY: return _("User journey");
    default: return "";
    }
}

const char *
tp_journey_state_get_display_name (TpJourneyState state)
{
  switch (state)
    {
    case TP_JOURNEY_STATE_AS_IS: return _("As-is");
    case TP_JOURNEY_STATE_TO_BE: return _("To-be");
    default: return "";
    }
}

const char *
tp_lane_kind_get_display_name (TpLaneKind kind)
{
  switch (kind)
    {
    case TP_LANE_KIND_TOUCHPOINTS: return _("Touchpoints");
    case TP_LANE_KIND_CUSTOMER_ACTIONS: return _("Customer actions");
    case TP_LANE_KIND_THOUGHTS_FEELINGS: return _("Thoughts and feelings");
    case TP_LANE_KIND_EMOTION_CURVE: return _("Emotion curve");
    case TP_LANE_KIND_EMPLOYEE: return _("Employee (backstage)");
    case TP_LANE_KIND_OPPORTUNITIES: return _("Opportunities");
    case TP_LANE_KIND_NOTES: return _("Notes");
    default: return "";
    }
}

const char *
tp_channel_get_display_name (TpChannel channel)
{
  switch (channel)
    {
    case TP_CHANNEL_WEBSITE: return _("Website");
    case TP_CHANNEL_APP: return _("App");
    case TP_CHANNEL_EMAIL: return _("E-mail");
    case TP_CHANNEL_PHONE: return _("Phone");
    case TP_CHANNEL_CHAT: return _("Chat");
    case TP_CHANNEL_SOCIAL_MEDIA: return _("Social media");
    case TP_CHANNEL_LETTER: return _("Letter or print");
    case TP_CHANNEL_ADVERTISEMENT: return _("Advertisement");
    case TP_CHANNEL_WORD_OF_MOUTH: return _("Word of mouth");
    case TP_CHANNEL_SHOP: return _("Shop or desk");
    case TP_CHANNEL_PHYSICAL_ENVIRONMENT: return _("Physical environment");
    case TP_CHANNEL_PRODUCT: return _("Product in use");
    case TP_CHANNEL_OTHER: return _("Other");
    default: return "";
    }
}

const char *
tp_note_kind_get_display_name (TpNoteKind kind)
{
  switch (kind)
    {
    case TP_NOTE_KIND_BLOCKER: return _("Blocker");
    case TP_NOTE_KIND_ENABLER: return _("Enabler");
    default: return "";
    }
}

const char *
tp_card_kind_get_display_name (TpCardKind kind)
{
  switch (kind)
    {
    case TP_CARD_KIND_TOUCHPOINT: return C_("journey element", "Touchpoint");  /* not the application name */
    case TP_CARD_KIND_ACTION: return _("Customer action");
    case TP_CARD_KIND_THOUGHT: return _("Thought or feeling");
    default: return "";
    }
}

const char *
tp_evidence_get_display_name (TpEvidence evidence)
{
  switch (evidence)
    {
    case TP_EVIDENCE_NONE: return _("Not stated");
    case TP_EVIDENCE_OBSERVED: return _("Observed");
    case TP_EVIDENCE_REPORTED: return _("Reported by customers");
    case TP_EVIDENCE_ASSUMED: return _("Assumed");
    default: return "";
    }
}

const char *
tp_opportunity_status_get_display_name (TpOpportunityStatus status)
{
  switch (status)
    {
    case TP_OPPORTUNITY_STATUS_IDEA: return _("Idea");
    case TP_OPPORTUNITY_STATUS_PLANNED: return _("Planned");
    case TP_OPPORTUNITY_STATUS_DOING: return _("Doing");
    case TP_OPPORTUNITY_STATUS_DONE: return _("Done");
    case TP_OPPORTUNITY_STATUS_DROPPED: return _("Dropped");
    default: return "";
    }
}

TpCardKind
tp_lane_kind_get_card_kind (TpLaneKind kind)
{
  switch (kind)
    {
    case TP_LANE_KIND_CUSTOMER_ACTIONS: return TP_CARD_KIND_ACTION;
    case TP_LANE_KIND_THOUGHTS_FEELINGS: return TP_CARD_KIND_THOUGHT;
    case TP_LANE_KIND_TOUCHPOINTS:
    case TP_LANE_KIND_EMOTION_CURVE:
    case TP_LANE_KIND_EMPLOYEE:
    case TP_LANE_KIND_OPPORTUNITIES:
    case TP_LANE_KIND_NOTES:
    default:
      return TP_CARD_KIND_TOUCHPOINT;
    }
}

gboolean
tp_opportunity_status_is_open (TpOpportunityStatus status)
{
  return status != TP_OPPORTUNITY_STATUS_DONE && status != TP_OPPORTUNITY_STATUS_DROPPED;
}

const char *
tp_channel_get_icon_name (TpChannel channel)
{
  switch (channel)
    {
    case TP_CHANNEL_WEBSITE: return "tp-channel-website-symbolic";
    case TP_CHANNEL_APP: return "tp-channel-app-symbolic";
    case TP_CHANNEL_EMAIL: return "tp-channel-email-symbolic";
    case TP_CHANNEL_PHONE: return "tp-channel-phone-symbolic";
    case TP_CHANNEL_CHAT: return "tp-channel-chat-symbolic";
    case TP_CHANNEL_SOCIAL_MEDIA: return "tp-channel-social-media-symbolic";
    case TP_CHANNEL_LETTER: return "tp-channel-letter-symbolic";
    case TP_CHANNEL_ADVERTISEMENT: return "tp-channel-advertisement-symbolic";
    case TP_CHANNEL_WORD_OF_MOUTH: return "tp-channel-word-of-mouth-symbolic";
    case TP_CHANNEL_SHOP: return "tp-channel-shop-symbolic";
    case TP_CHANNEL_PHYSICAL_ENVIRONMENT: return "tp-channel-physical-environment-symbolic";
    case TP_CHANNEL_PRODUCT: return "tp-channel-product-symbolic";
    case TP_CHANNEL_OTHER: return "tp-channel-other-symbolic";
    default: return "tp-channel-other-symbolic";
    }
}

gboolean
tp_channel_is_online (TpChannel channel)
{
  switch (channel)
    {
    case TP_CHANNEL_WEBSITE:
    case TP_CHANNEL_APP:
    case TP_CHANNEL_EMAIL:
    case TP_CHANNEL_CHAT:
    case TP_CHANNEL_SOCIAL_MEDIA:
      return TRUE;
    case TP_CHANNEL_PHONE:
    case TP_CHANNEL_LETTER:
    case TP_CHANNEL_ADVERTISEMENT:
    case TP_CHANNEL_WORD_OF_MOUTH:
    case TP_CHANNEL_SHOP:
    case TP_CHANNEL_PHYSICAL_ENVIRONMENT:
    case TP_CHANNEL_PRODUCT:
    case TP_CHANNEL_OTHER:
    default:
      return FALSE;
    }
}
