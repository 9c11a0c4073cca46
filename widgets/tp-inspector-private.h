/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-inspector.h"

G_BEGIN_DECLS

/* Shared by tp-inspector.c (the widget, its fields and how they follow the
 * model) and tp-inspector-pages.c (the form for each kind of element). */

typedef enum {
  FIELD_ENTRY,      /* AdwEntryRow, a string property */
  FIELD_TEXT,       /* GtkTextView, a string property */
  FIELD_ENUM,       /* AdwComboRow, an enum property, index = value */
  FIELD_INT_COMBO,  /* AdwComboRow, an int property, index = value - offset */
  FIELD_SPIN,       /* GtkSpinButton, an int property */
  FIELD_SWITCH,     /* GtkSwitch, a boolean property */
  FIELD_STAGE,      /* AdwComboRow, a touchpoint's stage: moves it */
  FIELD_LANE,       /* AdwComboRow, a touchpoint's lane: moves it */
  FIELD_ATTACH,     /* AdwComboRow, an employee note's stage or touchpoint */
  FIELD_LINK,       /* AdwComboRow, an opportunity's touchpoint or none */
  FIELD_PLACE,      /* AdwComboRow, an opportunity's journey, stage or touchpoint */
  FIELD_DATE,       /* AdwEntryRow, a YYYY-MM-DD string property or "" */
  FIELD_PRIORITY,   /* AdwActionRow, read-only: an opportunity's priority */
} FieldKind;

/* Whether a row applies to @object now (a moment of truth only for
 * touchpoints, respondents only for reported evidence, ...). */
typedef gboolean (*VisibleFunc) (GObject *object);

typedef struct {
  GtkWidget *widget;        /* a row or a group, owned by the page */
  GObject *object;          /* the edited element, not owned (the form is torn down first) */
  VisibleFunc visible;
} Condition;

typedef struct {
  TpInspector *inspector;   /* NULL once the form is torn down */
  FieldKind kind;
  const char *key;          /* interned */
  const char *property;     /* interned; what the model notifies */
  const char *property2;    /* interned or NULL: a second property shown here */
  const char *group_label;  /* undo label when editing several objects */
  GPtrArray *objects;       /* GObject, owned */
  GtkWidget *row;           /* the row in the group */
  GtkWidget *widget;        /* the editing widget; owns this struct */
  int offset;               /* FIELD_INT_COMBO */
  GPtrArray *choice_ids;    /* reference combos: ids ("s:ID"/"t:ID" for FIELD_ATTACH) */
  GtkStringList *choices;   /* reference combos: what the user sees */
  GtkWidget *extra;         /* FIELD_DATE: the inline error; FIELD_PRIORITY: the value */
} Field;

struct _TpInspector
{
  GtkWidget parent_instance;

  TpDocument *document;
  TpJourney *journey;
  GPtrArray *selection;     /* TpElement, owned */

  GtkWidget *page;
  GPtrArray *fields;        /* Field, owned by their widgets */
  GArray *conditions;       /* Condition: rows and groups shown only when they apply */

  guint syncing;
  Field *applying;
  guint rebuild_id;         /* a rebuild after selected elements left */
  gboolean stale;           /* hidden: the form is built when shown */
};

/* tp-inspector.c: the fields. Each add_ function adds a row editing
 * @property of @object (or of @objects) to @group and returns its Field. */
void       _tp_inspector_field_refresh (Field *field);
void       _tp_inspector_field_apply   (Field *field);
GPtrArray *_tp_inspector_objects_of    (gpointer object);
void       _tp_inspector_set_label     (GtkWidget  *widget,
                                        const char *label);
GtkWidget *_tp_inspector_add_group     (GtkWidget  *page,
                                        const char *title,
                                        const char *description);
Field     *_tp_inspector_add_entry     (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        gpointer     object,
                                        const char  *property);
Field     *_tp_inspector_add_text      (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        gpointer     object,
                                        const char  *property);
Field     *_tp_inspector_add_enum      (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        gpointer     object,
                                        const char  *property,
                                        GType        enum_type);
Field     *_tp_inspector_add_score     (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        GPtrArray   *objects);
Field     *_tp_inspector_add_reference (TpInspector *self,
                                        GtkWidget   *group,
                                        FieldKind    kind,
                                        const char  *key,
                                        const char  *title,
                                        gpointer     object,
                                        const char  *property,
                                        const char  *property2);
Field     *_tp_inspector_add_spin      (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        const char  *subtitle,
                                        gpointer     object,
                                        const char  *property,
                                        int          min,
                                        int          max);
Field     *_tp_inspector_add_switch    (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        const char  *subtitle,
                                        GPtrArray   *objects,
                                        const char  *property);

Field     *_tp_inspector_add_int_combo (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        gpointer     object,
                                        const char  *property,
                                        const char  *unset_label,
                                        int          max);
Field     *_tp_inspector_field_new     (TpInspector *self,
                                        FieldKind    kind,
                                        const char  *key,
                                        const char  *property,
                                        GPtrArray   *objects,
                                        GtkWidget   *row,
                                        GtkWidget   *widget);
/* Shows @widget (a row or group) only while @visible says @object needs it. */
void       _tp_inspector_show_when     (TpInspector *self,
                                        GtkWidget   *widget,
                                        gpointer     object,
                                        VisibleFunc  visible);
void       _tp_inspector_update_visibility (TpInspector *self);

/* tp-inspector-fields.c: the due date and the priority */
Field     *_tp_inspector_add_date      (TpInspector *self,
                                        GtkWidget   *group,
                                        const char  *title,
                                        gpointer     object,
                                        const char  *property);
void       _tp_inspector_date_refresh  (Field       *field);
gboolean   _tp_inspector_date_apply    (Field       *field,
                                        GObject     *object,
                                        GError     **error);
Field     *_tp_inspector_add_priority  (TpInspector *self,
                                        GtkWidget   *group,
                                        gpointer     object);
void       _tp_inspector_priority_refresh (Field    *field);

/* tp-inspector-pages.c */
void       _tp_inspector_build_form    (TpInspector *self,
                                        GtkWidget   *page);
void       _tp_inspector_use_department_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

G_END_DECLS
