/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-analysis.h"

G_BEGIN_DECLS

/* One journey against another: typically the as-is (before) against its
 * to-be (after). Everything is matched by id, so a to-be made from its
 * as-is ("Save as To-Be") or edited by hand keeps its cards, stages and
 * notes comparable.
 *
 * Which cards count where follows tp-analysis.h: the curves are every
 * scored card of any kind; per-touchpoint changes, moments of truth and
 * findings are about touchpoints proper. A card counts as a touchpoint
 * when it is one in the journey it is shown from (the after one when it is
 * in both).
 *
 * A comparison is a snapshot: it copies what it shows and keeps no
 * reference to either journey, so outputs may draw it on any thread. */

typedef enum {
  TP_COMPARE_MATCHED,  /* in both */
  TP_COMPARE_ADDED,    /* only in the after (to-be) journey */
  TP_COMPARE_REMOVED,  /* only in the before (as-is) journey */
} TpCompareStatus;

/* A card of either journey. Before and after are TP_SCORE_UNSET where
 * that journey has no such card or it is unscored. */
typedef struct {
  TpCompareStatus status;
  char           *id;
  char           *title;      /* the after journey's, else the before's */
  char           *stage_id;   /* likewise */
  TpCardKind      kind;       /* likewise */
  int             before;
  int             after;
  gboolean        moment_before;  /* a moment of truth there */
  gboolean        moment_after;
} TpCompareCard;

/* A touchpoint proper, both scored: the change is after − before. */
gboolean tp_compare_card_has_delta (const TpCompareCard *card);
int      tp_compare_card_get_delta (const TpCompareCard *card);

typedef struct {
  TpCompareStatus status;
  char           *id;
  char           *name;
  double          before;   /* average of the scored cards; NAN: none */
  double          after;
} TpCompareStage;

/* A blocker of either journey. */
typedef struct {
  char *id;
  char *text;        /* the after journey's, else the before's */
  char *old_text;    /* changed blockers: the before journey's text */
  char *place;       /* the touchpoint's title or the stage's name */
  char *department;  /* the department that feels it; may be "" */
  int   severity;
} TpCompareNote;

typedef struct {
  char          *title_before;  /* the journeys' titles as written */
  char          *title_after;
  int            target_before; /* moment targets */
  int            target_after;
  int            good_enough;   /* the after journey's */
  TpScoreStats   stats_before;
  TpScoreStats   stats_after;
  guint          moments_before;          /* moments of truth */
  guint          moments_on_target_before;
  guint          moments_after;
  guint          moments_on_target_after;

  /* Every card of both, in one order: the after journey's, with cards
   * only in the before one placed after the card they followed there
   * (TpCompareCard). The curves are the scored ones; the table of score
   * changes the touchpoints proper. */
  GPtrArray     *cards;
  /* Stages matched by id, in the same kind of order (TpCompareStage). */
  GPtrArray     *stages;

  /* Moments of truth on target (scored, at least the journey's target)
   * after but not before: not there before, no moment, unscored or
   * below. And those on target before that are still moments after but
   * below target or unscored. Cards of @cards, not owned. */
  GPtrArray     *moments_reached;
  GPtrArray     *moments_fallen;

  /* Blockers by id: removed (only before, or no longer a blocker), added
   * and kept with another text (TpCompareNote). */
  GPtrArray     *blockers_removed;
  GPtrArray     *blockers_added;
  GPtrArray     *blockers_changed;

  /* Findings of tp_analyze_journey() matched by kind and the ids they are
   * about (a blocked moment by the moment alone, a department not
   * involved by its department): those of the before journey that the
   * after one no longer has, and new ones (TpFinding, in the analysis's
   * order). */
  GPtrArray     *findings_gone;
  GPtrArray     *findings_new;
  guint          n_findings_before;
  guint          n_findings_after;
} TpComparison;

TpComparison *tp_comparison_new  (TpJourney    *before,
                                  TpJourney    *after);
void          tp_comparison_free (TpComparison *comparison);

/* Which of two journeys is the as-is: @other when @journey is marked to-be
 * and @other as-is (TRUE), else @journey itself (FALSE). So comparing works
 * from either file of a pair, and from two files of the same state as
 * given. */
gboolean      tp_compare_other_is_before (TpJourney *journey,
                                          TpJourney *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpComparison, tp_comparison_free)

G_END_DECLS
