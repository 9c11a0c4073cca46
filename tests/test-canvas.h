/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-application.h"
#include "tp-canvas.h"
#include "tp-canvas-test.h"
#include "tp-gui-test-util.h"
#include "tp-resources.h"
#include "tp-window.h"

/* What the canvas tests (test-canvas.c, test-canvas-headers.c) share: the
 * fixture, the step runner and helpers, defined in test-canvas.c. */

G_BEGIN_DECLS

/* The sample's stages s1..s5 and lanes l1..l6, in this order. */
#define LANE_ACTIONS 0
#define LANE_TOUCHPOINTS 1
#define LANE_THOUGHTS 2
#define LANE_CURVE 3
#define LANE_OPPORTUNITIES 5

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication *app;
  TpWindow *window;          /* weak */
  TpCanvas *canvas;          /* borrowed from the window */
  TpGuiDriver driver;
};

TpDocument   *get_document   (Fixture    *f);
TpJourney    *get_journey    (Fixture    *f);
TpTouchpoint *lookup         (Fixture    *f,
                              const char *id);
guint         n_touchpoints  (Fixture    *f);
/* The middle of an element's card, in widget coordinates, scrolled into view. */
void          card_center    (Fixture    *f,
                              TpElement  *element,
                              double     *x,
                              double     *y);
GPtrArray    *get_selection  (Fixture    *f);
/* Exactly @element is selected; NULL: nothing is. */
gboolean      selection_is   (Fixture    *f,
                              TpElement  *element);
gboolean      can_undo       (Fixture    *f);

/* Runs @steps in the application's window, after it shows the sample and
 * before it closes. */
void          run_steps      (const StepFunc *steps,
                              guint           n_steps);

#define RUN(...) G_STMT_START { \
    static const StepFunc steps_[] = { __VA_ARGS__ }; \
    run_steps (steps_, G_N_ELEMENTS (steps_)); \
  } G_STMT_END

/* test-canvas-headers.c */
void          test_headers          (void);
void          test_header_selection (void);

G_END_DECLS
