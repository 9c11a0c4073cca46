/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "tp-journey-private.h"

/* Text properties come first so they index the text[] array directly. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_DESCRIPTION,
  PROP_PERSONA_NAME,
  PROP_PERSONA_SEGMENT,
  PROP_PERSONA_DESCRIPTION,
  PROP_PERSONA_GOALS,
  PROP_PERSONA_FRUSTRATIONS,
  PROP_LANGUAGE,
  LAST_TEXT_PROP = PROP_LANGUAGE,
  PROP_SCOPE,
  PROP_STATE,
  PROP_GOOD_ENOUGH,
  PROP_MOMENT_TARGET,
  N_PROPS
};

enum {
  CHANGED,
  ELEMENT_CHANGED,
  N_SIGNALS
};

struct _TpJourney
{
  GObject parent_instance;

  char *text[LAST_TEXT_PROP + 1];
  TpScope scope;
  TpJourneyState state;
  int good_enough;
  int moment_target;

  GListStore *stages;
  GListStore *lanes;
  GListStore *touchpoints;
  GListStore *notes;
  GListStore *opportunities;

  /* id -> TpElement, borrowed from the lists (or from bulk) */
  GHashTable *by_id;

  /* Elements inserted since tp_journey_begin_bulk_append(), in order;
   * NULL outside bulk appends. */
  GPtrArray *bulk;
};

G_DEFINE_FINAL_TYPE (TpJourney, tp_journey, G_TYPE_OBJECT)
G_DEFINE_QUARK (tp-journey-error-quark, tp_journey_error)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
/* GObject's "notify", looked up once rather than parsed on every connect. */
static guint notify_signal_id;

static void
emit_changed (TpJourney *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_element_notify (TpElement  *element,
                   GParamSpec *pspec,
                   TpJourney  *self)
{
  g_signal_emit (self, signals[ELEMENT_CHANGED], g_param_spec_get_name_quark (pspec), element, pspec);
  emit_changed (self);
}

static void
tp_journey_dispose (GObject *object)
{
  TpJourney *self = TP_JOURNEY (object);
  GListStore *stores[] = { self->stages, self->lanes, self->touchpoints, self->notes, self->opportunities };

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      if (stores[s] == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);
          g_signal_handlers_disconnect_by_func (item, on_element_notify, self);
        }
    }

  if (self->bulk != NULL)
    {
      for (guint i = 0; i < self->bulk->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->bulk, i), on_element_notify, self);
      g_clear_pointer (&self->bulk, g_ptr_array_unref);
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->stages);
  g_clear_object (&self->lanes);
  g_clear_object (&self->touchpoints);
  g_clear_object (&self->notes);
  g_clear_object (&self->opportunities);

  G_OBJECT_CLASS (tp_journey_parent_class)->dispose (object);
}

static void
tp_journey_finalize (GObject *object)
{
  TpJourney *self = TP_JOURNEY (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (tp_journey_parent_class)->finalize (object);
}

static void
tp_journey_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpJourney *self = TP_JOURNEY (object);

  if (prop_id > PROP_0 && prop_id <= LAST_TEXT_PROP)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_GOOD_ENOUGH:
      g_value_set_int (value, self->good_enough);
      break;
    case PROP_MOMENT_TARGET:
      g_value_set_int (value, self->moment_target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int_field (TpJourney  *self,
               int        *field,
               int         value,
               GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  emit_changed (self);
}

static void
tp_journey_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TpJourney *self = TP_JOURNEY (object);

  if (prop_id > PROP_0 && prop_id <= LAST_TEXT_PROP)
    {
      if (tp_set_text_field (&self->text[prop_id], g_value_get_string (value)))
        {
          g_object_notify_by_pspec (object, pspec);
          emit_changed (self);
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_SCOPE:
      set_int_field (self, (int *) &self->scope, g_value_get_enum (value), pspec);
      break;
    case PROP_STATE:
      set_int_field (self, (int *) &self->state, g_value_get_enum (value), pspec);
      break;
    case PROP_GOOD_ENOUGH:
      set_int_field (self, &self->good_enough, g_value_get_int (value), pspec);
      break;
    case PROP_MOMENT_TARGET:
      set_int_field (self, &self->moment_target, g_value_get_int (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_journey_class_init (TpJourneyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_journey_dispose;
  object_class->finalize = tp_journey_finalize;
  object_class->get_property = tp_journey_get_property;
  object_class->set_property = tp_journey_set_property;

  properties[PROP_TITLE] = tp_param_spec_text ("title");
  properties[PROP_AUTHOR] = tp_param_spec_text ("author");
  properties[PROP_DESCRIPTION] = tp_param_spec_text ("description");
  properties[PROP_PERSONA_NAME] = tp_param_spec_text ("persona-name");
  properties[PROP_PERSONA_SEGMENT] = tp_param_spec_text ("persona-segment");
  properties[PROP_PERSONA_DESCRIPTION] = tp_param_spec_text ("persona-description");
  properties[PROP_PERSONA_GOALS] = tp_param_spec_text ("persona-goals");
  properties[PROP_PERSONA_FRUSTRATIONS] = tp_param_spec_text ("persona-frustrations");
  properties[PROP_LANGUAGE] = tp_param_spec_text ("language");
  properties[PROP_SCOPE] =
    g_param_spec_enum ("scope", NULL, NULL, TP_TYPE_SCOPE, TP_SCOPE_CUSTOMER_JOURNEY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, TP_TYPE_JOURNEY_STATE, TP_JOURNEY_STATE_AS_IS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOOD_ENOUGH] =
    g_param_spec_int ("good-enough", NULL, NULL, TP_SCORE_MIN, TP_SCORE_MAX, TP_DEFAULT_GOOD_ENOUGH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MOMENT_TARGET] =
    g_param_spec_int ("moment-target", NULL, NULL, TP_SCORE_MIN, TP_SCORE_MAX, TP_DEFAULT_MOMENT_TARGET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  notify_signal_id = g_signal_lookup ("notify", G_TYPE_OBJECT);

  /* Any change to the journey, its lists or an element: for "modified" and redraws. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A property of an element changed; detailed by the property name. */
  signals[ELEMENT_CHANGED] =
    g_signal_new ("element-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, TP_TYPE_ELEMENT, G_TYPE_PARAM);
}

static void
tp_journey_init (TpJourney *self)
{
  for (guint i = 1; i < G_N_ELEMENTS (self->text); i++)
    self->text[i] = g_strdup ("");
  self->scope = TP_SCOPE_CUSTOMER_JOURNEY;
  self->state = TP_JOURNEY_STATE_AS_IS;
  self->good_enough = TP_DEFAULT_GOOD_ENOUGH;
  self->moment_target = TP_DEFAULT_MOMENT_TARGET;

  self->stages = g_list_store_new (TP_TYPE_STAGE);
  self->lanes = g_list_store_new (TP_TYPE_LANE);
  self->touchpoints = g_list_store_new (TP_TYPE_TOUCHPOINT);
  self->notes = g_list_store_new (TP_TYPE_EMPLOYEE_NOTE);
  self->opportunities = g_list_store_new (TP_TYPE_OPPORTUNITY);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

TpJourney *
tp_journey_new (void)
{
  return g_object_new (TP_TYPE_JOURNEY, NULL);
}

TpJourney *
tp_journey_new_default (void)
{
  const char *stage_names[] = {
    /* Translators: the usual stages of a customer journey */
    N_("Orient"), N_("Select"), N_("Buy"), N_("Use"), N_("Leave"),
  };
  const TpLaneKind lane_kinds[] = {
    TP_LANE_KIND_CUSTOMER_ACTIONS,
    TP_LANE_KIND_TOUCHPOINTS,
    TP_LANE_KIND_THOUGHTS_FEELINGS,
    TP_LANE_KIND_EMOTION_CURVE,
    TP_LANE_KIND_EMPLOYEE,
    TP_LANE_KIND_OPPORTUNITIES,
  };
  TpJourney *self = tp_journey_new ();

  g_object_set (self, "title", _("Untitled journey"), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    {
      g_autofree char *id = tp_journey_make_id (self, TP_TYPE_STAGE);
      g_autoptr(TpStage) stage = tp_stage_new (id, _(stage_names[i]));
      tp_journey_insert (self, TP_ELEMENT (stage), G_MAXUINT, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lane_kinds); i++)
    {
      g_autofree char *id = tp_journey_make_id (self, TP_TYPE_LANE);
      g_autoptr(TpLane) lane = tp_lane_new (id, tp_lane_kind_get_display_name (lane_kinds[i]), lane_kinds[i]);
      tp_journey_insert (self, TP_ELEMENT (lane), G_MAXUINT, NULL);
    }

  return self;
}

/* A new element of @element's type with the same value for every property
 * it can be built with, the id included. Elements hold no other state. */
static TpElement *
copy_element (TpElement *element)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (element);
  guint n_specs;
  g_autofree GParamSpec **specs = g_object_class_list_properties (klass, &n_specs);
  g_autofree const char **names = g_new (const char *, n_specs);
  GValue *values = g_new0 (GValue, n_specs);
  guint n = 0;
  TpElement *copy;

  for (guint i = 0; i < n_specs; i++)
    {
      if ((specs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      names[n] = specs[i]->name;
      g_value_init (&values[n], specs[i]->value_type);
      g_object_get_property (G_OBJECT (element), specs[i]->name, &values[n]);
      n++;
    }
  copy = TP_ELEMENT (g_object_new_with_properties (G_OBJECT_TYPE (element), n, names, values));
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);
  return copy;
}

TpJourney *
tp_journey_snapshot (TpJourney *journey)
{
  GListStore *stores[] = { journey->stages, journey->lanes, journey->touchpoints, journey->notes,
                           journey->opportunities };
  TpJourney *self;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  self = tp_journey_new ();
  for (guint i = PROP_0 + 1; i <= LAST_TEXT_PROP; i++)
    {
      g_free (self->text[i]);
      self->text[i] = g_strdup (journey->text[i]);
    }
  self->scope = journey->scope;
  self->state = journey->state;
  self->good_enough = journey->good_enough;
  self->moment_target = journey->moment_target;

  /* In this order every reference resolves when it is inserted. */
  tp_journey_begin_bulk_append (self);
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      GListModel *list = G_LIST_MODEL (stores[s]);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TpElement) element = g_list_model_get_item (list, i);
          g_autoptr(TpElement) copy = copy_element (element);

          if (!tp_journey_insert (self, copy, G_MAXUINT, NULL))
            g_critical ("Snapshot of a journey: “%s” does not fit", tp_element_get_id (element));
        }
    }
  tp_journey_end_bulk_append (self);

  return self;
}

#define TEXT_GETTER(name, PROP) \
  const char * \
  tp_journey_get_##name (TpJourney *self) \
  { \
    g_return_val_if_fail (TP_IS_JOURNEY (self), NULL); \
    return self->text[PROP]; \
  }

TEXT_GETTER (title, PROP_TITLE)
TEXT_GETTER (author, PROP_AUTHOR)
TEXT_GETTER (language, PROP_LANGUAGE)
TEXT_GETTER (description, PROP_DESCRIPTION)
TEXT_GETTER (persona_name, PROP_PERSONA_NAME)
TEXT_GETTER (persona_segment, PROP_PERSONA_SEGMENT)
TEXT_GETTER (persona_description, PROP_PERSONA_DESCRIPTION)
TEXT_GETTER (persona_goals, PROP_PERSONA_GOALS)
TEXT_GETTER (persona_frustrations, PROP_PERSONA_FRUSTRATIONS)

TpScope
tp_journey_get_scope (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), TP_SCOPE_CUSTOMER_JOURNEY);
  return self->scope;
}

TpJourneyState
tp_journey_get_state (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), TP_JOURNEY_STATE_AS_IS);
  return self->state;
}

int
tp_journey_get_good_enough (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), TP_DEFAULT_GOOD_ENOUGH);
  return self->good_enough;
}

int
tp_journey_get_moment_target (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), TP_DEFAULT_MOMENT_TARGET);
  return self->moment_target;
}

GListModel *
tp_journey_get_stages (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);
  return G_LIST_MODEL (self->stages);
}

GListModel *
tp_journey_get_lanes (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);
  return G_LIST_MODEL (self->lanes);
}

GListModel *
tp_journey_get_touchpoints (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);
  return G_LIST_MODEL (self->touchpoints);
}

GListModel *
tp_journey_get_employee_notes (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);
  return G_LIST_MODEL (self->notes);
}

GListModel *
tp_journey_get_opportunities (TpJourney *self)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);
  return G_LIST_MODEL (self->opportunities);
}

static GListStore *
store_for_type (TpJourney *self,
                GType      element_type)
{
  if (g_type_is_a (element_type, TP_TYPE_STAGE))
    return self->stages;
  if (g_type_is_a (element_type, TP_TYPE_LANE))
    return self->lanes;
  if (g_type_is_a (element_type, TP_TYPE_TOUCHPOINT))
    return self->touchpoints;
  if (g_type_is_a (element_type, TP_TYPE_EMPLOYEE_NOTE))
    return self->notes;
  if (g_type_is_a (element_type, TP_TYPE_OPPORTUNITY))
    return self->opportunities;
  return NULL;
}

GListModel *
tp_journey_get_list_for_type (TpJourney *self,
                              GType      element_type)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);
  return G_LIST_MODEL (store_for_type (self, element_type));
}

TpElement *
tp_journey_lookup (TpJourney  *self,
                   const char *id)
{
  g_return_val_if_fail (TP_IS_JOURNEY (self), NULL);

  if (id == NULL || *id == '\0')
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

TpStage *
tp_journey_lookup_stage (TpJourney  *self,
                         const char *id)
{
  TpElement *element = tp_journey_lookup (self, id);
  return TP_IS_STAGE (element) ? TP_STAGE (element) : NULL;
}

TpLane *
tp_journey_lookup_lane (TpJourney  *self,
                        const char *id)
{
  TpElement *element = tp_journey_lookup (self, id);
  return TP_IS_LANE (element) ? TP_LANE (element) : NULL;
}

TpTouchpoint *
tp_journey_lookup_touchpoint (TpJourney  *self,
                              const char *id)
{
  TpElement *element = tp_journey_lookup (self, id);
  return TP_IS_TOUCHPOINT (element) ? TP_TOUCHPOINT (element) : NULL;
}

gboolean
tp_journey_get_position (TpJourney *self,
                         TpElement *element,
                         guint     *position)
{
  GListStore *store;

  g_return_val_if_fail (TP_IS_JOURNEY (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  store = store_for_type (self, G_OBJECT_TYPE (element));
  return store != NULL && g_list_store_find (store, element, position);
}

char *
tp_journey_make_id (TpJourney *self,
                    GType      element_type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (element_type);
  const char *prefix = TP_ELEMENT_CLASS (klass)->id_prefix;
  GListModel *list = G_LIST_MODEL (store_for_type (self, element_type));
  guint n = g_list_model_get_n_items (list) + 1;

  /* Start past the count so ids stay short; skip any taken ones. */
  for (;; n++)
    {
      char *id = g_strdup_printf ("%s%u", prefix, n);
      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

/* The ids an element refers to, each with the type it must resolve to. */
typedef struct {
  const char *property;
  const char *id;
  GType       target_type;
} Reference;

static guint
collect_references (TpElement *element,
                    Reference  refs[2])
{
  if (TP_IS_TOUCHPOINT (element))
    {
      TpTouchpoint *tp = TP_TOUCHPOINT (element);
      refs[0] = (Reference) { "stage-id", tp_touchpoint_get_stage_id (tp), TP_TYPE_STAGE };
      refs[1] = (Reference) { "lane-id", tp_touchpoint_get_lane_id (tp), TP_TYPE_LANE };
      return 2;
    }
  if (TP_IS_EMPLOYEE_NOTE (element))
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (element);
      guint n = 0;
      if (*tp_employee_note_get_touchpoint_id (note) != '\0')
        refs[n++] = (Reference) { "touchpoint-id", tp_employee_note_get_touchpoint_id (note), TP_TYPE_TOUCHPOINT };
      if (*tp_employee_note_get_stage_id (note) != '\0')
        refs[n++] = (Reference) { "stage-id", tp_employee_note_get_stage_id (note), TP_TYPE_STAGE };
      return n;
    }
  if (TP_IS_OPPORTUNITY (element))
    {
      TpOpportunity *opportunity = TP_OPPORTUNITY (element);
      guint n = 0;
      if (*tp_opportunity_get_touchpoint_id (opportunity) != '\0')
        refs[n++] = (Reference) { "touchpoint-id", tp_opportunity_get_touchpoint_id (opportunity), TP_TYPE_TOUCHPOINT };
      if (*tp_opportunity_get_stage_id (opportunity) != '\0')
        refs[n++] = (Reference) { "stage-id", tp_opportunity_get_stage_id (opportunity), TP_TYPE_STAGE };
      return n;
    }
  return 0;
}

static gboolean
check_reference (TpJourney  *self,
                 TpElement  *element,
                 const char *id,
                 GType       target_type,
                 GError    **error)
{
  TpElement *target = tp_journey_lookup (self, id);

  if (target != NULL && G_TYPE_CHECK_INSTANCE_TYPE (target, target_type))
    return TRUE;

  g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE,
               /* Translators: "%s" are an element id and the id it refers to */
               _("“%s” refers to “%s”, which does not exist"),
               tp_element_get_id (element), id);
  return FALSE;
}

static gboolean check_note_target (TpEmployeeNote *note, GError **error);

/* An opportunity belongs to a touchpoint, a stage or the whole journey:
 * never to a touchpoint and a stage at once. */
static gboolean
check_opportunity_target (TpOpportunity  *opportunity,
                          GError        **error)
{
  if (*tp_opportunity_get_touchpoint_id (opportunity) == '\0'
      || *tp_opportunity_get_stage_id (opportunity) == '\0')
    return TRUE;

  g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
               _("Opportunity “%s” cannot belong to a touchpoint and a stage at once"),
               tp_element_get_id (TP_ELEMENT (opportunity)));
  return FALSE;
}

static gboolean
check_target (TpElement  *element,
              GError    **error)
{
  if (TP_IS_EMPLOYEE_NOTE (element))
    return check_note_target (TP_EMPLOYEE_NOTE (element), error);
  if (TP_IS_OPPORTUNITY (element))
    return check_opportunity_target (TP_OPPORTUNITY (element), error);
  return TRUE;
}

static gboolean
check_note_target (TpEmployeeNote *note,
                   GError        **error)
{
  gboolean on_touchpoint = *tp_employee_note_get_touchpoint_id (note) != '\0';
  gboolean on_stage = *tp_employee_note_get_stage_id (note) != '\0';

  if (on_touchpoint != on_stage)
    return TRUE;

  g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
               _("Employee note “%s” must be attached to exactly one touchpoint or stage"),
               tp_element_get_id (TP_ELEMENT (note)));
  return FALSE;
}

gboolean
tp_journey_insert (TpJourney  *self,
                   TpElement  *element,
                   guint       position,
                   GError    **error)
{
  GListStore *store;
  const char *id;
  Reference refs[2];
  guint n_refs;

  g_return_val_if_fail (TP_IS_JOURNEY (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  store = store_for_type (self, G_OBJECT_TYPE (element));
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (self->bulk == NULL || position == G_MAXUINT, FALSE);

  id = tp_element_get_id (element);
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                           _("An element has no id"));
      return FALSE;
    }
  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DUPLICATE_ID,
                   _("The id “%s” is used more than once"), id);
      return FALSE;
    }

  n_refs = collect_references (element, refs);
  for (guint i = 0; i < n_refs; i++)
    if (!check_reference (self, element, refs[i].id, refs[i].target_type, error))
      return FALSE;
  if (!check_target (element, error))
    return FALSE;

  g_hash_table_insert (self->by_id, (gpointer) id, element);
  /* Not g_signal_connect_object(): that keeps a list of closures on the
   * journey that grows and is searched per element, making big journeys
   * quadratic to build and to free. Removal and dispose disconnect it. */
  g_signal_connect_closure_by_id (element, notify_signal_id, 0,
                                  g_cclosure_new (G_CALLBACK (on_element_notify), self, NULL),
                                  FALSE);
  if (self->bulk != NULL)
    g_ptr_array_add (self->bulk, g_object_ref (element));
  else
    g_list_store_insert (store, MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store))), element);
  emit_changed (self);

  return TRUE;
}

void
tp_journey_begin_bulk_append (TpJourney *self)
{
  g_return_if_fail (TP_IS_JOURNEY (self));
  g_return_if_fail (self->bulk == NULL);

  self->bulk = g_ptr_array_new_with_free_func (g_object_unref);
}

void
tp_journey_end_bulk_append (TpJourney *self)
{
  g_autoptr(GPtrArray) bulk = NULL;
  guint start = 0;

  g_return_if_fail (TP_IS_JOURNEY (self));
  g_return_if_fail (self->bulk != NULL);

  /* Off first: handlers of items-changed may insert again. */
  bulk = g_steal_pointer (&self->bulk);

  /* Splice each run of one type: a list store inserts an array much
   * faster than one item at a time, and signals once. */
  while (start < bulk->len)
    {
      GListStore *store = store_for_type (self, G_OBJECT_TYPE (g_ptr_array_index (bulk, start)));
      guint end = start + 1;

      while (end < bulk->len
             && store_for_type (self, G_OBJECT_TYPE (g_ptr_array_index (bulk, end))) == store)
        end++;

      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           &bulk->pdata[start], end - start);
      start = end;
    }

  if (bulk->len > 0)
    emit_changed (self);
}

gboolean
tp_journey_remove (TpJourney  *self,
                   TpElement  *element,
                   GError    **error)
{
  g_autoptr(GPtrArray) referrers = NULL;
  GListStore *store;
  guint position;

  g_return_val_if_fail (TP_IS_JOURNEY (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  store = store_for_type (self, G_OBJECT_TYPE (element));
  if (store == NULL || !g_list_store_find (store, element, &position))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                   _("“%s” is not part of this journey"), tp_element_get_id (element));
      return FALSE;
    }

  referrers = tp_journey_get_referrers (self, element);
  if (referrers->len > 0)
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_IN_USE,
                   _("“%s” is still used by “%s”"), tp_element_get_id (element),
                   tp_element_get_id (g_ptr_array_index (referrers, 0)));
      return FALSE;
    }

  /* Keep the element alive until everyone has heard of its removal. */
  g_object_ref (element);
  g_signal_handlers_disconnect_by_func (element, on_element_notify, self);
  g_hash_table_remove (self->by_id, tp_element_get_id (element));
  g_list_store_remove (store, position);
  emit_changed (self);
  g_object_unref (element);

  return TRUE;
}

void
tp_journey_move (TpJourney *self,
                 TpElement *element,
                 guint      position)
{
  GListStore *store;
  guint old_position;

  g_return_if_fail (TP_IS_JOURNEY (self));
  g_return_if_fail (TP_IS_ELEMENT (element));

  store = store_for_type (self, G_OBJECT_TYPE (element));
  g_return_if_fail (store != NULL && g_list_store_find (store, element, &old_position));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
  if (position == old_position)
    return;

  g_object_ref (element);
  g_list_store_remove (store, old_position);
  g_list_store_insert (store, position, element);
  g_object_unref (element);
  emit_changed (self);
}

static void
add_referrers_from (GListModel *list,
                    const char *target_id,
                    GPtrArray  *out)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpElement) element = g_list_model_get_item (list, i);
      Reference refs[2];
      guint n_refs = collect_references (element, refs);

      for (guint r = 0; r < n_refs; r++)
        if (g_str_equal (refs[r].id, target_id))
          {
            g_ptr_array_add (out, g_object_ref (element));
            break;
          }
    }
}

GPtrArray *
tp_journey_get_referrers (TpJourney *self,
                          TpElement *element)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  const char *id;

  g_return_val_if_fail (TP_IS_JOURNEY (self), out);
  g_return_val_if_fail (TP_IS_ELEMENT (element), out);

  id = tp_element_get_id (element);
  if (TP_IS_STAGE (element) || TP_IS_LANE (element))
    add_referrers_from (G_LIST_MODEL (self->touchpoints), id, out);
  if (TP_IS_STAGE (element) || TP_IS_TOUCHPOINT (element))
    add_referrers_from (G_LIST_MODEL (self->notes), id, out);
  if (TP_IS_STAGE (element) || TP_IS_TOUCHPOINT (element))
    add_referrers_from (G_LIST_MODEL (self->opportunities), id, out);

  return out;
}

gboolean
tp_journey_check_change (TpJourney    *self,
                         GObject      *object,
                         const char   *property,
                         const GValue *value,
                         GError      **error)
{
  GParamSpec *pspec;
  GType target_type = G_TYPE_INVALID;
  const char *id;

  g_return_val_if_fail (TP_IS_JOURNEY (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL || !(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY)
      || !G_VALUE_HOLDS (value, pspec->value_type))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                   _("“%s” cannot be changed"), property);
      return FALSE;
    }

  if (g_param_value_validate (pspec, (GValue *) value))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                   _("The value for “%s” is out of range"), property);
      return FALSE;
    }

  if (TP_IS_JOURNEY (object) && g_str_equal (property, "language")
      && !tp_language_tag_is_valid (g_value_get_string (value)))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                   _("“%s” is not a language code; write it as, for example, en, nl or pt-BR"),
                   g_value_get_string (value));
      return FALSE;
    }

  if (TP_IS_OPPORTUNITY (object) && g_str_equal (property, "due")
      && !tp_date_is_valid (g_value_get_string (value)))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                   _("“%s” is not a date; write it as year-month-day, e.g. 2027-03-31"),
                   g_value_get_string (value));
      return FALSE;
    }

  if (TP_IS_TOUCHPOINT (object) && g_str_equal (property, "stage-id"))
    target_type = TP_TYPE_STAGE;
  else if (TP_IS_TOUCHPOINT (object) && g_str_equal (property, "lane-id"))
    target_type = TP_TYPE_LANE;
  else if ((TP_IS_EMPLOYEE_NOTE (object) || TP_IS_OPPORTUNITY (object))
           && g_str_equal (property, "touchpoint-id"))
    target_type = TP_TYPE_TOUCHPOINT;
  else if ((TP_IS_EMPLOYEE_NOTE (object) || TP_IS_OPPORTUNITY (object))
           && g_str_equal (property, "stage-id"))
    target_type = TP_TYPE_STAGE;

  if (target_type == G_TYPE_INVALID)
    return TRUE;

  id = g_value_get_string (value);
  /* Only notes and opportunities may drop a reference (notes then need the other one). */
  if ((id == NULL || *id == '\0') && !TP_IS_TOUCHPOINT (object))
    return TRUE;

  return check_reference (self, TP_ELEMENT (object), id ? id : "", target_type, error);
}

/* Ids are unique when every element is the one its id maps to and there
 * are as many ids as elements. Cheaper than collecting the ids anew. */
static gboolean
ids_are_unique (TpJourney *self)
{
  GListStore *stores[] = { self->stages, self->lanes, self->touchpoints, self->notes, self->opportunities };
  guint n_elements = 0;

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      GListModel *list = G_LIST_MODEL (stores[s]);
      guint n = g_list_model_get_n_items (list);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TpElement) element = g_list_model_get_item (list, i);

          if (g_hash_table_lookup (self->by_id, tp_element_get_id (element)) != element)
            return FALSE;
        }
      n_elements += n;
    }

  return n_elements == g_hash_table_size (self->by_id);
}

gboolean
tp_journey_validate (TpJourney  *self,
                     GError    **error)
{
  GListStore *stores[] = { self->stages, self->lanes, self->touchpoints, self->notes, self->opportunities };
  g_autoptr(GHashTable) seen = NULL;
  gboolean unique;

  g_return_val_if_fail (TP_IS_JOURNEY (self), FALSE);

  /* Otherwise find the first repeated id below, for the message. */
  unique = ids_are_unique (self);
  if (!unique)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    {
      GListModel *list = G_LIST_MODEL (stores[s]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TpElement) element = g_list_model_get_item (list, i);
          const char *id = tp_element_get_id (element);
          Reference refs[2];
          guint n_refs;

          if (!unique && !g_hash_table_add (seen, (gpointer) id))
            {
              g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DUPLICATE_ID,
                           _("The id “%s” is used more than once"), id);
              return FALSE;
            }

          n_refs = collect_references (element, refs);
          for (guint r = 0; r < n_refs; r++)
            if (!check_reference (self, element, refs[r].id, refs[r].target_type, error))
              return FALSE;

          if (!check_target (element, error))
            return FALSE;
        }
    }

  return TRUE;
}

GPtrArray *
tp_journey_get_cell_touchpoints (TpJourney  *self,
                                 const char *stage_id,
                                 const char *lane_id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;

  g_return_val_if_fail (TP_IS_JOURNEY (self), out);

  list = G_LIST_MODEL (self->touchpoints);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (list, i);

      if (g_strcmp0 (tp_touchpoint_get_stage_id (tp), stage_id) == 0
          && g_strcmp0 (tp_touchpoint_get_lane_id (tp), lane_id) == 0)
        g_ptr_array_add (out, g_steal_pointer (&tp));
    }

  return out;
}

gboolean
tp_language_tag_is_valid (const char *tag)
{
  gsize length;

  if (tag == NULL || *tag == '\0')
    return TRUE;
  length = strlen (tag);
  /* Letters, digits and hyphens, starting with a letter: the shape of a
   * BCP 47 tag, loose enough to type one letter at a time. */
  if (length > 35 || !g_ascii_isalpha (tag[0]))
    return FALSE;
  for (const char *p = tag; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}
