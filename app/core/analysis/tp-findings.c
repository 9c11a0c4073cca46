/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-findings.h"

struct _TpFindings
{
  GObject parent_instance;

  TpJourney *journey;
  GPtrArray *findings;
  guint counts[TP_SEVERITY_CRITICAL + 1];
  GHashTable *marks;   /* made when first asked for */
  guint refresh_id;
  guint n_analyses;
};

G_DEFINE_FINAL_TYPE (TpFindings, tp_findings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNEY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
analyse (TpFindings *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);

  self->findings = tp_analyze_journey (self->journey);
  self->n_analyses++;
  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < self->findings->len; i++)
    self->counts[tp_finding_get_severity (g_ptr_array_index (self->findings, i))]++;
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  TpFindings *self = user_data;

  self->refresh_id = 0;
  tp_findings_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Not restarted by later changes: a long burst still shows findings
 * every TP_FINDINGS_DELAY ms. */
static void
on_journey_changed (TpFindings *self)
{
  if (self->refresh_id == 0)
    {
      self->refresh_id = g_timeout_add (TP_FINDINGS_DELAY, refresh_timeout_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->refresh_id),
                                "[touchpoint] findings");
    }
}

static void
tp_findings_constructed (GObject *object)
{
  TpFindings *self = TP_FINDINGS (object);

  G_OBJECT_CLASS (tp_findings_parent_class)->constructed (object);

  g_assert (self->journey != NULL);
  g_signal_connect_object (self->journey, "changed",
                           G_CALLBACK (on_journey_changed), self, G_CONNECT_SWAPPED);
  analyse (self);
}

static void
tp_findings_dispose (GObject *object)
{
  TpFindings *self = TP_FINDINGS (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  g_clear_object (&self->journey);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);

  G_OBJECT_CLASS (tp_findings_parent_class)->dispose (object);
}

static void
tp_findings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpFindings *self = TP_FINDINGS (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_findings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpFindings *self = TP_FINDINGS (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      self->journey = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_findings_class_init (TpFindingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tp_findings_constructed;
  object_class->dispose = tp_findings_dispose;
  object_class->get_property = tp_findings_get_property;
  object_class->set_property = tp_findings_set_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, TP_TYPE_JOURNEY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The findings were redone: views read them again. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tp_findings_init (TpFindings *self)
{
}

TpFindings *
tp_findings_new (TpJourney *journey)
{
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  return g_object_new (TP_TYPE_FINDINGS, "journey", journey, NULL);
}

TpJourney *
tp_findings_get_journey (TpFindings *self)
{
  g_return_val_if_fail (TP_IS_FINDINGS (self), NULL);
  return self->journey;
}

GPtrArray *
tp_findings_get_findings (TpFindings *self)
{
  g_return_val_if_fail (TP_IS_FINDINGS (self), NULL);
  return self->findings;
}

guint
tp_findings_get_count (TpFindings *self,
                       TpSeverity  severity)
{
  g_return_val_if_fail (TP_IS_FINDINGS (self), 0);
  g_return_val_if_fail (severity <= TP_SEVERITY_CRITICAL, 0);
  return self->counts[severity];
}

GHashTable *
tp_findings_get_marks (TpFindings *self)
{
  g_return_val_if_fail (TP_IS_FINDINGS (self), NULL);

  if (self->marks != NULL)
    return self->marks;

  /* The touchpoints are kept alive: one removed since the analysis must
   * not lend its address to a new one. */
  self->marks = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  for (guint i = 0; i < self->findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (self->findings, i);
      TpSeverity severity = tp_finding_get_severity (finding);
      const char * const *ids = tp_finding_get_ids (finding);

      if (severity < TP_SEVERITY_WARNING)
        continue;
      for (guint j = 0; ids[j] != NULL; j++)
        {
          TpTouchpoint *touchpoint = tp_journey_lookup_touchpoint (self->journey, ids[j]);

          /* Inserting over a key frees the new reference, not the old. */
          if (touchpoint != NULL
              && GPOINTER_TO_INT (g_hash_table_lookup (self->marks, touchpoint)) < (int) severity)
            g_hash_table_insert (self->marks, g_object_ref (touchpoint), GINT_TO_POINTER (severity));
        }
    }
  return self->marks;
}

void
tp_findings_refresh (TpFindings *self)
{
  g_return_if_fail (TP_IS_FINDINGS (self));

  analyse (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

guint
tp_findings_get_n_analyses (TpFindings *self)
{
  g_return_val_if_fail (TP_IS_FINDINGS (self), 0);
  return self->n_analyses;
}
