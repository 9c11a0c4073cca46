/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The step driver the GUI tests share: a test starts the real application
 * and runs its steps, one per timeout, from the main loop. A step returns
 * FALSE to be tried again (up to max_tries), for things that happen
 * asynchronously. */

/* Tests keep their steps typed on their own Fixture and cast the array,
 * as GLib does with G_CALLBACK: a pointer argument either way. */
typedef gboolean (*TpGuiStepFunc) (gpointer fixture);

typedef struct
{
  /* Set by the test. */
  gpointer fixture;              /* handed to each step */
  const TpGuiStepFunc *steps;
  guint n_steps;
  guint interval_ms;
  guint max_tries;
  gboolean quit_when_done;       /* quit the application after the last step */

  /* Kept by the driver; steps may read them. */
  GApplication *app;
  guint step;
  guint tries;
  gboolean done;
} TpGuiDriver;

void       tp_gui_test_init          (int          *argc,
                                      char       ***argv);
gboolean   tp_gui_test_check_display (void);
int        tp_gui_test_run           (TpGuiDriver  *driver,
                                      GApplication *app,
                                      int           argc,
                                      char        **argv);

/* Widget-tree search. */
typedef gboolean (*TpGuiMatchFunc) (GtkWidget     *widget,
                                    gconstpointer  data);

GPtrArray *tp_gui_find_all           (GtkWidget     *root,
                                      TpGuiMatchFunc match,
                                      gconstpointer  data);
GtkWidget *tp_gui_find_one           (GtkWidget     *root,
                                      TpGuiMatchFunc match,
                                      gconstpointer  data);
gboolean   tp_gui_has_css_class      (GtkWidget     *widget,
                                      gconstpointer  data);
gboolean   tp_gui_is_label_with_text (GtkWidget     *widget,
                                      gconstpointer  data);
gboolean   tp_gui_is_of_type         (GtkWidget     *widget,
                                      gconstpointer  data);

/* The journey outline: one list view whose items have a "touchpoint"
 * property (NULL on the header, stage headings and placeholders). Only the
 * rows on screen exist as widgets. */
GtkListView *tp_gui_outline_get_list        (GtkWidget   *outline);
/* The position of the item of the touchpoint with @id, or
 * GTK_INVALID_LIST_POSITION. */
guint      tp_gui_outline_find_touchpoint   (GtkWidget   *outline,
                                             const char  *id);
/* The touchpoint row widget showing the item at @position, if it is bound
 * now (after scrolling to it, once the list has been laid out). */
GtkWidget *tp_gui_outline_get_row           (GtkWidget   *outline,
                                             guint        position);

GtkWindow *tp_gui_find_toplevel      (GType          type);
GtkWindow *tp_gui_find_mapped_toplevel (GType        type);
void       tp_gui_collect_toast_titles (GtkWidget   *widget,
                                        GString     *titles);
/* The action a key without modifiers is bound to in @widget's shortcut
 * controllers, or NULL; free it. */
char      *tp_gui_action_for_key     (GtkWidget     *widget,
                                      guint          keyval);
void       tp_gui_save_screenshot    (GtkWidget     *widget,
                                      const char    *name);

G_END_DECLS
