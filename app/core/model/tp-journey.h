/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tp-element.h"
#include "tp-employee-note.h"
#include "tp-enums.h"
#include "tp-lane.h"
#include "tp-opportunity.h"
#include "tp-stage.h"
#include "tp-touchpoint.h"

G_BEGIN_DECLS

#define TP_JOURNEY_ERROR (tp_journey_error_quark ())

typedef enum {
  TP_JOURNEY_ERROR_DUPLICATE_ID,
  TP_JOURNEY_ERROR_DANGLING_REFERENCE,
  TP_JOURNEY_ERROR_IN_USE,
  TP_JOURNEY_ERROR_INVALID,
} TpJourneyError;

GQuark tp_journey_error_quark (void);

#define TP_DEFAULT_GOOD_ENOUGH 7
#define TP_DEFAULT_MOMENT_TARGET 9

#define TP_TYPE_JOURNEY (tp_journey_get_type ())
G_DECLARE_FINAL_TYPE (TpJourney, tp_journey, TP, JOURNEY, GObject)

/* The document model. Its mutators below are raw: they keep the model's
 * invariants (unique ids, resolvable references) but record no undo; the
 * app changes a journey only through TpDocument, which does. */

TpJourney      *tp_journey_new                 (void);
/* A fresh journey with the usual stages and lanes, in the user's language. */
TpJourney      *tp_journey_new_default         (void);

/* A deep copy: every field and element, with the same ids and order, and no
 * object shared with @journey. For reading on another thread, or for
 * changing without touching the user's journey. */
TpJourney      *tp_journey_snapshot            (TpJourney *journey);

const char     *tp_journey_get_title           (TpJourney *self);
const char     *tp_journey_get_author          (TpJourney *self);
/* The language its texts are written in, a tag such as "nl" or "en-GB"; ""
 * when not said (outputs then assume the user's language). Outputs mark
 * their text with it so that lines break by that language's rules. */
const char     *tp_journey_get_language        (TpJourney *self);
const char     *tp_journey_get_description     (TpJourney *self);
TpScope         tp_journey_get_scope           (TpJourney *self);
TpJourneyState  tp_journey_get_state           (TpJourney *self);
const char     *tp_journey_get_persona_name    (TpJourney *self);
const char     *tp_journey_get_persona_segment (TpJourney *self);
const char     *tp_journey_get_persona_description (TpJourney *self);
const char     *tp_journey_get_persona_goals   (TpJourney *self);
const char     *tp_journey_get_persona_frustrations (TpJourney *self);
int             tp_journey_get_good_enough     (TpJourney *self);
int             tp_journey_get_moment_target   (TpJourney *self);

GListModel     *tp_journey_get_stages          (TpJourney *self);
GListModel     *tp_journey_get_lanes           (TpJourney *self);
GListModel     *tp_journey_get_touchpoints     (TpJourney *self);
GListModel     *tp_journey_get_employee_notes  (TpJourney *self);
GListModel     *tp_journey_get_opportunities   (TpJourney *self);
/* The list that holds elements of @element_type. */
GListModel     *tp_journey_get_list_for_type   (TpJourney *self,
                                                GType      element_type);

TpElement      *tp_journey_lookup              (TpJourney  *self,
                                                const char *id);
TpStage        *tp_journey_lookup_stage        (TpJourney  *self,
                                                const char *id);
TpLane         *tp_journey_lookup_lane         (TpJourney  *self,
                                                const char *id);
TpTouchpoint   *tp_journey_lookup_touchpoint   (TpJourney  *self,
                                                const char *id);
gboolean        tp_journey_get_position        (TpJourney  *self,
                                                TpElement  *element,
                                                guint      *position);
/* An id not yet used in this journey, for an element of @element_type. */
char           *tp_journey_make_id             (TpJourney  *self,
                                                GType       element_type);

/* Inserts @element at @position in its list (G_MAXUINT appends). Fails when
 * its id is taken or a reference it holds does not resolve. */
gboolean        tp_journey_insert              (TpJourney  *self,
                                                TpElement  *element,
                                                guint       position,
                                                GError    **error);
/* Fails when other elements still refer to @element. */
gboolean        tp_journey_remove              (TpJourney  *self,
                                                TpElement  *element,
                                                GError    **error);
void            tp_journey_move                (TpJourney  *self,
                                                TpElement  *element,
                                                guint       position);
/* The elements that refer to @element (touchpoints in a stage, notes on a
 * touchpoint, ...), in list order. */
GPtrArray      *tp_journey_get_referrers       (TpJourney  *self,
                                                TpElement  *element);
/* Checks that setting @property of @object (the journey or one of its
 * elements) to @value keeps the journey valid. */
gboolean        tp_journey_check_change        (TpJourney    *self,
                                                GObject      *object,
                                                const char   *property,
                                                const GValue *value,
                                                GError      **error);
/* Checks every invariant; for loaded files and tests. */
gboolean        tp_journey_validate            (TpJourney  *self,
                                                GError    **error);

/* Touchpoints of one stage × lane cell, in order (element type TpTouchpoint). */
GPtrArray      *tp_journey_get_cell_touchpoints (TpJourney  *self,
                                                 const char *stage_id,
                                                 const char *lane_id);

/* "" or the shape of a language tag: letters, digits and hyphens, starting
 * with a letter, at most 35 characters. */
gboolean        tp_language_tag_is_valid       (const char *tag);

G_END_DECLS
