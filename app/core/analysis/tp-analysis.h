/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-journey.h"

G_BEGIN_DECLS

/* Analysis of a journey against the rule of thumb "move the customer (the
 * moment target, default 9) at a few moments of truth, make the rest simply
 * right (good enough, default 7)", plus checks that the employee layer is
 * consistent with the customer's side.
 *
 * Everything here is a pure function of the journey as it is now: nothing is
 * cached and nothing follows later changes. Customer scores come from the
 * cards of the customer lanes only (any lane), never from employee notes.
 *
 * Which cards count where. A card (TpTouchpoint) is a touchpoint proper (a
 * contact moment, tp_touchpoint_is_contact()), a customer action or a
 * thought or feeling:
 *  - The emotion curve is every scored card of any kind, as the map draws it
 *    (draw/tp-layout-curve.c): a thought scored 3 is a low point of the
 *    experience. So the curve-level figures and findings use every scored
 *    card: the journey's and the stages' averages, minimum and maximum
 *    (TpScoreStats.n_scored, average, min, max), LOWEST_POINT,
 *    STEEPEST_DROP, STAGE_BELOW_GOOD_ENOUGH and the customer side of
 *    EMPLOYEE_CUSTOMER_GAP.
 *  - Everything about contact moments uses touchpoints proper only: the
 *    counts of touchpoints (TpScoreStats.n_touchpoints and
 *    n_touchpoints_scored), the channel mix (an action's or a thought's
 *    channel means nothing), the per-card findings MOMENT_BELOW_TARGET,
 *    BELOW_GOOD_ENOUGH, UNSCORED_MOMENT, UNSCORED_TOUCHPOINT (an action or
 *    a thought without a score is normal, never a finding), moments of truth
 *    (tp_touchpoint_is_moment()), BLOCKED_MOMENT, and the departments that
 *    own touchpoints (DEPARTMENT_NOT_INVOLVED).
 *
 * Departments. An employee note is felt by its department and caused by
 * tp_employee_note_get_causing_department() (caused-by, or its own). Both
 * take part: a department that feels or causes any note is involved.
 *
 * Journey order: stages in stage order; within a stage, the order of the
 * journey's touchpoint list (all lanes together). */

typedef enum {
  TP_FINDING_MOMENT_BELOW_TARGET,
  TP_FINDING_BELOW_GOOD_ENOUGH,
  TP_FINDING_UNSCORED_TOUCHPOINT,
  TP_FINDING_UNSCORED_MOMENT,
  TP_FINDING_LOWEST_POINT,
  TP_FINDING_STEEPEST_DROP,
  TP_FINDING_BLOCKED_MOMENT,
  TP_FINDING_DEPARTMENT_NOT_INVOLVED,
  TP_FINDING_EMPLOYEE_CUSTOMER_GAP,
  TP_FINDING_STAGE_BELOW_GOOD_ENOUGH,
  /* Never made by tp_analyze_journey(): an open opportunity, for views that
   * hand the elements they show on as findings (the insights panel). */
  TP_FINDING_OPEN_OPPORTUNITY,
} TpFindingKind;

/* How urgent a finding is. Not the 1–3 severity of an employee note. */
typedef enum {
  TP_SEVERITY_INFO,
  TP_SEVERITY_WARNING,
  TP_SEVERITY_CRITICAL,
} TpSeverity;

/* Two employee and customer scores this far apart make a gap, and a drop of
 * this many points between consecutive touchpoints is a warning. */
#define TP_ANALYSIS_GAP 3

#define TP_TYPE_FINDING_KIND (tp_finding_kind_get_type ())
#define TP_TYPE_SEVERITY (tp_severity_get_type ())
#define TP_TYPE_FINDING (tp_finding_get_type ())

GType       tp_finding_kind_get_type      (void) G_GNUC_CONST;
GType       tp_severity_get_type          (void) G_GNUC_CONST;
GType       tp_finding_get_type           (void) G_GNUC_CONST;

/* "critical", "warning", "info" in the user's language. */
const char *tp_severity_get_display_name  (TpSeverity severity);

/* One thing worth reporting about a journey. Immutable and reference
 * counted (copying a boxed TpFinding takes a reference). */
typedef struct _TpFinding TpFinding;

/* @ids: the touchpoints, stages and employee notes it concerns, the main one
 * first; @department: the department it is about, or NULL. */
TpFinding          *tp_finding_new            (TpFindingKind       kind,
                                               TpSeverity          severity,
                                               const char         *message,
                                               const char * const *ids,
                                               const char         *department);
TpFinding          *tp_finding_ref            (TpFinding *self);
void                tp_finding_unref          (TpFinding *self);
TpFindingKind       tp_finding_get_kind       (const TpFinding *self);
TpSeverity          tp_finding_get_severity   (const TpFinding *self);
/* One line in the user's language, with titles quoted “like this”. */
const char         *tp_finding_get_message    (const TpFinding *self);
/* Never NULL; may be empty. */
const char * const *tp_finding_get_ids        (const TpFinding *self);
const char         *tp_finding_get_department (const TpFinding *self);
gboolean            tp_finding_concerns       (const TpFinding *self,
                                               const char      *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpFinding, tp_finding_unref)

/* All findings (element type TpFinding), critical first, then warnings, then
 * information; within one severity in journey order (stage-wide findings
 * before the touchpoints of their stage), then in the order of
 * TpFindingKind.
 *
 * Rules, with their severity:
 *  - MOMENT_BELOW_TARGET (critical): a scored moment of truth below the
 *    journey's moment target.
 *  - BELOW_GOOD_ENOUGH (warning): a scored touchpoint (proper) below good
 *    enough.
 *    A touchpoint gets at most one of these two: a moment of truth already
 *    reported below target is not reported again as below good enough (it
 *    only is when the target is set lower than good enough).
 *  - UNSCORED_MOMENT (info) for a moment of truth without a score,
 *    UNSCORED_TOUCHPOINT (info) for any other touchpoint without one.
 *  - LOWEST_POINT (info): the scored card (any kind) with the lowest score,
 *    the first in journey order on a tie; none when nothing is scored.
 *  - STEEPEST_DROP (warning when it falls TP_ANALYSIS_GAP points or more,
 *    else info): the largest fall between consecutive scored cards (any
 *    kind) in journey order, the first on a tie; none when scores never
 *    fall. Its ids are the cards before and after the drop.
 *  - BLOCKED_MOMENT (warning): a moment of truth with related blockers
 *    (tp_journey_get_related_blockers()). Its ids are the touchpoint, then
 *    those blockers; its department is the touchpoint's (may be NULL).
 *  - DEPARTMENT_NOT_INVOLVED (warning): a department that owns touchpoints
 *    but neither feels nor causes any employee note. Its ids are those
 *    touchpoints.
 *  - EMPLOYEE_CUSTOMER_GAP (warning): an employee note scored
 *    TP_ANALYSIS_GAP or more points away from the customer's score at its
 *    touchpoint, or from the average customer score of its stage. Its ids are
 *    the touchpoint or stage, then the note.
 *  - STAGE_BELOW_GOOD_ENOUGH (warning): a stage whose average customer
 *    score is below good enough.
 * Departments compare without regard to case or surrounding white space;
 * touchpoints and notes without a department take no part in the checks
 * about departments (a blocker attached to a moment of truth itself is
 * related to it all the same). */
GPtrArray *tp_analyze_journey (TpJourney *journey);

/* Customer scores of a set of cards (see "which cards count where"). */
typedef struct {
  guint  n_cards;              /* every card: touchpoints, actions, thoughts */
  guint  n_touchpoints;        /* touchpoints proper (contact moments) */
  guint  n_touchpoints_scored; /* of those, the scored ones */
  guint  n_scored;             /* scored cards of any kind: points of the curve */
  double average; /* of the scored cards; NAN when n_scored is 0 */
  int    min;     /* TP_SCORE_UNSET when n_scored is 0 */
  int    max;     /* TP_SCORE_UNSET when n_scored is 0 */
} TpScoreStats;

typedef struct {
  char         *stage_id;
  TpScoreStats  scores;
} TpStageStats;

typedef struct {
  TpScoreStats online;
  TpScoreStats offline;
} TpChannelMix;

/* A fall in score: @from and @to are consecutive scored touchpoints in
 * journey order and @delta (negative) is the change from one to the other. */
typedef struct {
  TpTouchpoint *from;
  TpTouchpoint *to;
  int           delta;
} TpDrop;

void          tp_drop_clear                      (TpDrop *drop);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TpDrop, tp_drop_clear)

/* The journey's cards (all kinds) in journey order (element type
 * TpTouchpoint). */
GPtrArray    *tp_journey_get_ordered_touchpoints (TpJourney    *journey);
void          tp_journey_get_score_stats         (TpJourney    *journey,
                                                  TpScoreStats *out_stats);
/* One TpStageStats per stage, in stage order; freeing the array frees them. */
GArray       *tp_journey_get_stage_stats         (TpJourney    *journey);
/* Touchpoints proper, online and offline as tp_channel_is_online() tells
 * them apart; in each n_cards == n_touchpoints and n_scored ==
 * n_touchpoints_scored. */
void          tp_journey_get_channel_mix         (TpJourney    *journey,
                                                  TpChannelMix *out_mix);
/* The scored card with the lowest score, the first in journey order on a
 * tie; NULL when nothing is scored. */
TpTouchpoint *tp_journey_lowest_point            (TpJourney    *journey);
/* Fills the empty @out_drop (with references; tp_drop_clear() drops them)
 * and returns TRUE for the largest fall between consecutive scored
 * touchpoints, the first on a tie; FALSE, with @out_drop zeroed, when scores
 * never fall. */
gboolean      tp_journey_steepest_drop           (TpJourney    *journey,
                                                  TpDrop       *out_drop);

/* The blockers related to a card, in list order (element type
 * TpEmployeeNote): those attached to it, whichever department feels or
 * causes them, and those attached to its stage that its department feels
 * or causes (a card without a department: none of these). BLOCKED_MOMENT
 * and the report's moments of truth use this. */
GPtrArray    *tp_journey_get_related_blockers    (TpJourney    *journey,
                                                  TpTouchpoint *touchpoint);

/* Where cards come from (point 7 of issue 11). Counted are the cards that
 * can say so: every card in a customer lane (touchpoints, actions,
 * thoughts) and every employee note. Observed and reported by customers
 * are evidence; assumed is not (it says that nobody checked), nor is
 * nothing stated. */
typedef struct {
  guint n_cards;
  guint n_observed;
  guint n_reported;
  guint n_assumed;
  guint n_evidence;  /* observed + reported */
  /* Respondents summed over the reported cards: responses, since one
   * person may stand behind several cards. */
  guint respondents;
} TpEvidenceStats;

void          tp_journey_get_evidence_stats      (TpJourney       *journey,
                                                  TpEvidenceStats *out_stats);

/* Open opportunities (tp_opportunity_is_open()) of one department. */
typedef struct {
  char      *department;    /* as first written, trimmed; NULL: no department */
  GPtrArray *opportunities; /* TpOpportunity (references) */
} TpDepartmentOpportunities;

/* The department an opportunity belongs to: its own, else its touchpoint's,
 * else NULL. Borrowed from the model. */
const char   *tp_journey_get_opportunity_department (TpJourney     *journey,
                                                     TpOpportunity *opportunity);
/* Open opportunities grouped by tp_journey_get_opportunity_department():
 * departments by name (case-insensitive), "no department" last; within
 * one, the highest priority first (unset last), then the earliest due date
 * (none last), then list order. Done and dropped ones are left out, and
 * so are departments without open ones. Freeing the array frees the
 * groups. */
GPtrArray    *tp_journey_get_open_opportunities  (TpJourney    *journey);
/* Where an opportunity is attached, in the user's language: the
 * touchpoint's title, the stage's name, or "Whole journey". */
char         *tp_journey_describe_opportunity_place (TpJourney     *journey,
                                                     TpOpportunity *opportunity);

G_END_DECLS
