/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks of these enums are the values written in .journey files. */

typedef enum {
  TP_SCOPE_HUMAN_LIFECYCLE,
  TP_SCOPE_CONSUMER_JOURNEY,
  TP_SCOPE_CUSTOMER_JOURNEY,
  TP_SCOPE_USER_JOURNEY,
} TpScope;

typedef enum {
  TP_JOURNEY_STATE_AS_IS,
  TP_JOURNEY_STATE_TO_BE,
} TpJourneyState;

typedef enum {
  TP_LANE_KIND_TOUCHPOINTS,
  TP_LANE_KIND_CUSTOMER_ACTIONS,
  TP_LANE_KIND_THOUGHTS_FEELINGS,
  TP_LANE_KIND_EMOTION_CURVE,
  TP_LANE_KIND_EMPLOYEE,
  TP_LANE_KIND_OPPORTUNITIES,
  TP_LANE_KIND_NOTES,
} TpLaneKind;

typedef enum {
  TP_CHANNEL_WEBSITE,
  TP_CHANNEL_APP,
  TP_CHANNEL_EMAIL,
  TP_CHANNEL_PHONE,
  TP_CHANNEL_CHAT,
  TP_CHANNEL_SOCIAL_MEDIA,
  TP_CHANNEL_LETTER,
  TP_CHANNEL_ADVERTISEMENT,
  TP_CHANNEL_WORD_OF_MOUTH,
  TP_CHANNEL_SHOP,
  TP_CHANNEL_PHYSICAL_ENVIRONMENT,
  TP_CHANNEL_PRODUCT,
  TP_CHANNEL_OTHER,
} TpChannel;

#define TP_N_CHANNELS (TP_CHANNEL_OTHER + 1)

typedef enum {
  TP_NOTE_KIND_BLOCKER,
  TP_NOTE_KIND_ENABLER,
} TpNoteKind;

/* What a card in a customer lane is. Only touchpoints are contact moments:
 * they alone have a channel that counts, an owner and moments of truth.
 * A thought may carry a score for the curve. */
typedef enum {
  TP_CARD_KIND_TOUCHPOINT,
  TP_CARD_KIND_ACTION,
  TP_CARD_KIND_THOUGHT,
} TpCardKind;

/* Where a card's content comes from. */
typedef enum {
  TP_EVIDENCE_NONE,
  TP_EVIDENCE_OBSERVED,
  TP_EVIDENCE_REPORTED,
  TP_EVIDENCE_ASSUMED,
} TpEvidence;

/* The workflow of an opportunity; done and dropped ones are closed. */
typedef enum {
  TP_OPPORTUNITY_STATUS_IDEA,
  TP_OPPORTUNITY_STATUS_PLANNED,
  TP_OPPORTUNITY_STATUS_DOING,
  TP_OPPORTUNITY_STATUS_DONE,
  TP_OPPORTUNITY_STATUS_DROPPED,
} TpOpportunityStatus;

#define TP_TYPE_SCOPE (tp_scope_get_type ())
#define TP_TYPE_JOURNEY_STATE (tp_journey_state_get_type ())
#define TP_TYPE_LANE_KIND (tp_lane_kind_get_type ())
#define TP_TYPE_CHANNEL (tp_channel_get_type ())
#define TP_TYPE_NOTE_KIND (tp_note_kind_get_type ())
#define TP_TYPE_CARD_KIND (tp_card_kind_get_type ())
#define TP_TYPE_EVIDENCE (tp_evidence_get_type ())
#define TP_TYPE_OPPORTUNITY_STATUS (tp_opportunity_status_get_type ())

GType tp_scope_get_type         (void) G_GNUC_CONST;
GType tp_journey_state_get_type (void) G_GNUC_CONST;
GType tp_lane_kind_get_type     (void) G_GNUC_CONST;
GType tp_channel_get_type       (void) G_GNUC_CONST;
GType tp_note_kind_get_type     (void) G_GNUC_CONST;
GType tp_card_kind_get_type     (void) G_GNUC_CONST;
GType tp_evidence_get_type      (void) G_GNUC_CONST;
GType tp_opportunity_status_get_type (void) G_GNUC_CONST;

/* Nick <-> value for any enum type above; FALSE when the nick is unknown. */
const char *tp_enum_to_nick   (GType enum_type, int value);
gboolean    tp_enum_from_nick (GType enum_type, const char *nick, int *value);

/* Translated names for the interface. */
const char *tp_scope_get_display_name         (TpScope scope);
const char *tp_journey_state_get_display_name (TpJourneyState state);
const char *tp_lane_kind_get_display_name     (TpLaneKind kind);
const char *tp_channel_get_display_name       (TpChannel channel);
const char *tp_note_kind_get_display_name     (TpNoteKind kind);
const char *tp_card_kind_get_display_name     (TpCardKind kind);
const char *tp_evidence_get_display_name      (TpEvidence evidence);
const char *tp_opportunity_status_get_display_name (TpOpportunityStatus status);
/* The card kind a lane holds: actions and thoughts lanes hold their own
 * kind, every other lane touchpoints. */
TpCardKind  tp_lane_kind_get_card_kind        (TpLaneKind kind);
gboolean    tp_opportunity_status_is_open     (TpOpportunityStatus status);

/* A symbolic icon name for a channel (shipped in resources or the icon theme). */
const char *tp_channel_get_icon_name          (TpChannel channel);
gboolean    tp_channel_is_online              (TpChannel channel);

/* Scores are 1..10; 0 means "not scored". */
#define TP_SCORE_UNSET 0
#define TP_SCORE_MIN 1
#define TP_SCORE_MAX 10

/* Severity of a blocker and strength of an enabler: 1..3 (0: not set, for
 * strength). Impact and effort of an opportunity: 1..5, 0 when not set. */
#define TP_SEVERITY_MIN 1
#define TP_SEVERITY_MAX 3
#define TP_SEVERITY_DEFAULT 2
#define TP_STRENGTH_MAX 3
#define TP_RATING_MAX 5
/* Respondents behind a "reported by customers" card. */
#define TP_RESPONDENTS_MAX 1000000

G_END_DECLS
