/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A poster printed over several sheets: where each sheet's window on the
 * poster is, and the marks that help to put it together. All lengths are
 * in pt. Sheets overlap: sheet (row, column) shows the poster from
 * (column × step_x, row × step_y), as much as fits in its printable area,
 * so the right and bottom strips of a sheet repeat on its neighbours. You
 * cut a sheet along its left and top cut marks and glue it over the glue
 * strips of the sheets to its left and above.
 *
 * The same plan serves the PDF export and printing. */

typedef struct {
  double poster_width;
  double poster_height;
  double sheet_width;
  double sheet_height;
  double margin;          /* unprinted border of a sheet, room for marks */
  double overlap;
  double step_x;          /* printable width minus the overlap */
  double step_y;
  guint  rows;
  guint  columns;
  /* Where the content goes on the poster: content unit → poster pt. */
  double scale;
  double offset_x;
  double offset_y;
  /* The content's size on the poster, pt (0 until fitted). */
  double content_width;
  double content_height;
} TpPosterPlan;

/* Draws the content (in its own units, origin at 0, 0). @zoom is output
 * units per content unit, for the renderer's simplified drawing. */
typedef void (*TpPosterDrawFunc) (cairo_t *cr,
                                  double   zoom,
                                  gpointer user_data);

/* Lays the sheets over the poster. FALSE when the sheet has no room left
 * inside its margins, or the overlap takes all of it. */
gboolean tp_poster_plan_init       (TpPosterPlan     *plan,
                                    double            poster_width,
                                    double            poster_height,
                                    double            sheet_width,
                                    double            sheet_height,
                                    double            margin,
                                    double            overlap);
/* Fits @content_width × @content_height uniformly into the poster inside
 * @poster_margin, centred. */
void     tp_poster_plan_fit        (TpPosterPlan     *plan,
                                    double            content_width,
                                    double            content_height,
                                    double            poster_margin);
/* The poster height that fits content of this aspect on @width pt. */
double   tp_poster_height_for_width (double           width,
                                    double            content_width,
                                    double            content_height,
                                    double            poster_margin);
/* A sheet whose window holds no content (a blank edge of a poster whose
 * shape differs from the map's): it is not printed, and the overview says
 * so. Blank sheets are always whole outer rows or columns. */
gboolean tp_poster_plan_sheet_is_blank (const TpPosterPlan *plan,
                                        guint               row,
                                        guint               column);
guint    tp_poster_plan_count_printed  (const TpPosterPlan *plan);
/* The @index-th printed sheet, in reading order; FALSE past the last. */
gboolean tp_poster_plan_printed_sheet  (const TpPosterPlan *plan,
                                        guint               index,
                                        guint              *row,
                                        guint              *column);
/* The names of the blank sheets, "A5, B5, C5", or NULL when none. */
char    *tp_poster_plan_list_blank     (const TpPosterPlan *plan);

/* "B3": row letter(s) and column number, both from the top left. */
char    *tp_poster_sheet_name      (guint             row,
                                    guint             column);

/* One sheet at (0, 0) of a page of the sheet's size: its window on the
 * poster, cut and crop marks, glue strips and its label ("Touchpoint —
 * TITLE — sheet B3 of 4×3"). */
void     tp_poster_draw_sheet      (cairo_t            *cr,
                                    const TpPosterPlan *plan,
                                    guint               row,
                                    guint               column,
                                    const char         *title,
                                    TpPosterDrawFunc    draw,
                                    gpointer            user_data);
/* The assembly page, on a sheet: the whole poster small with the sheet
 * grid and names over it, and @info (lines of text) above it. */
void     tp_poster_draw_overview   (cairo_t            *cr,
                                    const TpPosterPlan *plan,
                                    const char         *title,
                                    const char         *info,
                                    TpPosterDrawFunc    draw,
                                    gpointer            user_data);

G_END_DECLS
