/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-print.h"

/* Sheets keep this much unprinted for the marks and the label. */
#define PRINT_MARGIN_MM 10.0

static const TpPaper layouts[] = { TP_PAPER_NATURAL, TP_PAPER_A2, TP_PAPER_A1, TP_PAPER_A0 };

typedef struct {
  TpJourney       *journey;
  TpPaper          poster;       /* TP_PAPER_NATURAL: one page */
  gboolean         title_block;
  TpExportPainter *painter;
  TpPosterPlan     plan;
  char            *info;
  GtkDropDown     *layout_dropdown;
  GtkCheckButton  *title_check;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->painter, tp_export_painter_free);
  g_clear_object (&job->journey);
  g_free (job->info);
  g_free (job);
}

static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         PrintJob          *job)
{
  const char *names[] = { _("Fit on One Page"), _("A2 Poster on Sheets"),
                          _("A1 Poster on Sheets"), _("A0 Poster on Sheets"), NULL };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Layout"));
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (names);
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("_Title block with legend"));

  gtk_print_operation_set_custom_tab_label (operation, _("Journey"));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), job->title_block);
  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i] == job->poster)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), check, 0, 1, 2, 1);

  job->layout_dropdown = GTK_DROP_DOWN (dropdown);
  job->title_check = GTK_CHECK_BUTTON (check);
  return G_OBJECT (grid);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        PrintJob          *job)
{
  job->poster = layouts[MIN (gtk_drop_down_get_selected (job->layout_dropdown), G_N_ELEMENTS (layouts) - 1)];
  job->title_block = gtk_check_button_get_active (job->title_check);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(GError) error = NULL;
  TpExportOptions options;

  tp_export_options_init (&options);
  options.paper = job->poster;
  options.orientation = TP_ORIENTATION_AUTO;
  options.title_block = job->title_block;
  job->painter = tp_export_painter_new (job->journey, &options, &error);
  if (job->painter == NULL)
    {
      g_warning ("Cannot print: %s", error->message);
      gtk_print_operation_cancel (operation);
      return;
    }

  if (job->poster != TP_PAPER_NATURAL
      && tp_export_painter_plan_poster (job->painter,
                                        gtk_print_context_get_width (context),
                                        gtk_print_context_get_height (context),
                                        TP_MM_TO_PT (PRINT_MARGIN_MM), &job->plan, NULL,
                                        &job->info, &error))
    gtk_print_operation_set_n_pages (operation, 1 + tp_poster_plan_count_printed (&job->plan));
  else
    {
      if (error != NULL)
        g_warning ("Cannot plan the poster, printing one page: %s", error->message);
      job->poster = TP_PAPER_NATURAL;
      gtk_print_operation_set_n_pages (operation, 1);
    }
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (job->painter == NULL)
    return;

  if (job->poster != TP_PAPER_NATURAL)
    tp_export_painter_draw_sheet (job->painter, cr, &job->plan, page_nr - 1, job->info);
  else
    tp_export_painter_fit_page (job->painter, cr,
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context),
                                TP_MM_TO_PT (PRINT_MARGIN_MM), NULL);
}

static GtkPrintOperation *
new_operation (TpJourney *journey,
               TpPaper    poster,
               gboolean   title_block)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);

  job->journey = g_object_ref (journey);
  job->poster = poster;
  job->title_block = title_block;

  /* Whole paper, in points: the poster marks go in our own margin. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, tp_journey_get_title (journey));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_object_set_data_full (G_OBJECT (operation), "tp-print-job", job, (GDestroyNotify) print_job_free);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown error");
    }
  g_object_unref (operation);
}

void
tp_print_journey (GtkWindow *parent,
                  TpJourney *journey)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TP_IS_JOURNEY (journey));

  operation = new_operation (journey, TP_PAPER_NATURAL, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), NULL);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Cannot print: %s", error->message);
}

gboolean
tp_print_journey_to_pdf (TpJourney   *journey,
                         const char  *path,
                         const char  *paper_name,
                         TpPaper      poster,
                         gboolean     title_block,
                         int         *n_pages,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (paper_name);
  GtkPrintOperationResult result;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_operation (journey, poster, title_block);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  if (n_pages != NULL)
    g_object_get (operation, "n-pages", n_pages, NULL);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
