"""The bodies, their members and the decision routes move from the governance app to the
bodies app. Their tables keep their names (governance_...), so the database is not changed:
the models are only added to this app's state here (and removed from governance's state in
governance 0009). The content types follow, so that permissions and admin log entries keep
pointing at the same models.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = (
    "body",
    "bodypillar",
    "person",
    "personalias",
    "membership",
    "decisionstep",
    "consultationinput",
)
MOVED = MOVED_MODELS + tuple(f"historical{name}" for name in MOVED_MODELS) + (
    "historicalbody_agendas",
)


def _move_content_types(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        if ContentType.objects.using(db).filter(app_label=target, model=model).exists():
            continue
        ContentType.objects.using(db).filter(app_label=source, model=model).update(
            app_label=target
        )


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "governance", "bodies")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "bodies", "governance")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('agenda', '0011_action_placement_rules'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('governance', '0008_merge_regions_and_plan_shapes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Body',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name', models.CharField(max_length=300, verbose_name='name')),
                        ('abbreviation', models.CharField(blank=True, max_length=40, verbose_name='abbreviation')),
                        ('level', models.CharField(choices=[('bestuurlijk', 'administrative (bestuurlijk)'), ('tactisch_en_uitvoerend', 'tactical and operational'), ('overig', 'other bodies')], max_length=30, verbose_name='level')),
                        ('level_order', models.PositiveSmallIntegerField(default=1, editable=False, verbose_name='level order')),
                        ('order', models.PositiveSmallIntegerField(default=0, help_text='Position within its level in the overview.', verbose_name='order')),
                        ('reach', models.CharField(blank=True, help_text='The area it covers, as written.', max_length=300, verbose_name='reach')),
                        ('remit', models.TextField(blank=True, help_text='Its remit, as written.', max_length=1000, verbose_name='themes')),
                        ('is_decision_making', models.BooleanField(default=False, verbose_name='decision-making')),
                        ('is_advisory', models.BooleanField(default=False, verbose_name='advisory')),
                        ('is_exploratory', models.BooleanField(default=False, verbose_name='exploratory and informing')),
                        ('is_policy_making', models.BooleanField(default=False, verbose_name='policy-making')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('agendas', models.ManyToManyField(blank=True, help_text='The agendas whose overview of bodies (Bijlage 2) lists this body.', related_name='bodies', to='agenda.agenda', verbose_name='agendas')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bodies', to='governance.region', verbose_name='region')),
                    ],
                    options={
                        'verbose_name': 'body',
                        'verbose_name_plural': 'bodies',
                        'db_table': 'governance_body',
                        'ordering': ['region', 'level_order', 'order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='BodyPillar',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('certainty', models.CharField(choices=[('certain', 'covered (x)'), ('uncertain', 'uncertain (?)')], default='certain', max_length=20, verbose_name='certainty')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='body_pillars', to='bodies.body', verbose_name='body')),
                        ('pillar', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='body_pillars', to='agenda.pillar', verbose_name='pillar')),
                    ],
                    options={
                        'verbose_name': 'pillar of a body',
                        'verbose_name_plural': 'pillars of bodies',
                        'db_table': 'governance_bodypillar',
                        'ordering': ['body', 'pillar__agenda', 'pillar__order'],
                    },
                ),
                migrations.CreateModel(
                    name='ConsultationInput',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('round', models.PositiveSmallIntegerField(default=1, verbose_name='round')),
                        ('input_text', models.TextField(max_length=3000, verbose_name='input')),
                        ('response_text', models.TextField(blank=True, max_length=3000, verbose_name='response')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('agenda', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultation_inputs', to='agenda.agenda', verbose_name='agenda')),
                        ('partner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='consultation_inputs', to='governance.organisation', verbose_name='partner')),
                    ],
                    options={
                        'verbose_name': 'consultation input',
                        'verbose_name_plural': 'consultation inputs',
                        'db_table': 'governance_consultationinput',
                        'ordering': ['agenda', 'round', 'order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='DecisionStep',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('order', models.PositiveSmallIntegerField(verbose_name='order')),
                        ('date_text', models.CharField(blank=True, help_text="As the source writes it: 'najaar 2019', 'juli of september', '12 juli'.", max_length=100, verbose_name='date as written')),
                        ('date', models.DateField(blank=True, help_text='The exact date, or the first day of a period; used for sorting.', null=True, verbose_name='date')),
                        ('date_until', models.DateField(blank=True, help_text="For a period ('najaar 2019'): its last day.", null=True, verbose_name='until')),
                        ('body_text', models.CharField(blank=True, help_text="When it is not a body of the overview: 'college', 'commissie Samenleving'.", max_length=200, verbose_name='other body')),
                        ('purpose', models.CharField(choices=[('adviseren', 'advise'), ('bespreken', 'discuss'), ('vaststellen', 'adopt'), ('kennisnemen', 'take note'), ('motie', 'motion adopted')], max_length=20, verbose_name='purpose')),
                        ('conclusion', models.TextField(blank=True, max_length=1000, verbose_name='conclusion')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('agenda', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='decision_steps', to='agenda.agenda', verbose_name='agenda')),
                        ('body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='decision_steps', to='bodies.body', verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'decision step',
                        'verbose_name_plural': 'decision steps',
                        'db_table': 'governance_decisionstep',
                        'ordering': ['agenda', 'order'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalBody',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name', models.CharField(max_length=300, verbose_name='name')),
                        ('abbreviation', models.CharField(blank=True, max_length=40, verbose_name='abbreviation')),
                        ('level', models.CharField(choices=[('bestuurlijk', 'administrative (bestuurlijk)'), ('tactisch_en_uitvoerend', 'tactical and operational'), ('overig', 'other bodies')], max_length=30, verbose_name='level')),
                        ('level_order', models.PositiveSmallIntegerField(default=1, editable=False, verbose_name='level order')),
                        ('order', models.PositiveSmallIntegerField(default=0, help_text='Position within its level in the overview.', verbose_name='order')),
                        ('reach', models.CharField(blank=True, help_text='The area it covers, as written.', max_length=300, verbose_name='reach')),
                        ('remit', models.TextField(blank=True, help_text='Its remit, as written.', max_length=1000, verbose_name='themes')),
                        ('is_decision_making', models.BooleanField(default=False, verbose_name='decision-making')),
                        ('is_advisory', models.BooleanField(default=False, verbose_name='advisory')),
                        ('is_exploratory', models.BooleanField(default=False, verbose_name='exploratory and informing')),
                        ('is_policy_making', models.BooleanField(default=False, verbose_name='policy-making')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('region', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.region', verbose_name='region')),
                    ],
                    options={
                        'verbose_name': 'historical body',
                        'verbose_name_plural': 'historical bodies',
                        'db_table': 'governance_historicalbody',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalBody_agendas',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('m2m_history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('agenda', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agenda.agenda')),
                        ('body', models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.body')),
                        ('history', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to='bodies.historicalbody')),
                    ],
                    options={
                        'verbose_name': 'HistoricalBody_agendas',
                        'db_table': 'governance_historicalbody_agendas',
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalBodyPillar',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('certainty', models.CharField(choices=[('certain', 'covered (x)'), ('uncertain', 'uncertain (?)')], default='certain', max_length=20, verbose_name='certainty')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('body', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.body', verbose_name='body')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('pillar', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agenda.pillar', verbose_name='pillar')),
                    ],
                    options={
                        'verbose_name': 'historical pillar of a body',
                        'verbose_name_plural': 'historical pillars of bodies',
                        'db_table': 'governance_historicalbodypillar',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalConsultationInput',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('round', models.PositiveSmallIntegerField(default=1, verbose_name='round')),
                        ('input_text', models.TextField(max_length=3000, verbose_name='input')),
                        ('response_text', models.TextField(blank=True, max_length=3000, verbose_name='response')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('agenda', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agenda.agenda', verbose_name='agenda')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('partner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.organisation', verbose_name='partner')),
                    ],
                    options={
                        'verbose_name': 'historical consultation input',
                        'verbose_name_plural': 'historical consultation inputs',
                        'db_table': 'governance_historicalconsultationinput',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalDecisionStep',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('order', models.PositiveSmallIntegerField(verbose_name='order')),
                        ('date_text', models.CharField(blank=True, help_text="As the source writes it: 'najaar 2019', 'juli of september', '12 juli'.", max_length=100, verbose_name='date as written')),
                        ('date', models.DateField(blank=True, help_text='The exact date, or the first day of a period; used for sorting.', null=True, verbose_name='date')),
                        ('date_until', models.DateField(blank=True, help_text="For a period ('najaar 2019'): its last day.", null=True, verbose_name='until')),
                        ('body_text', models.CharField(blank=True, help_text="When it is not a body of the overview: 'college', 'commissie Samenleving'.", max_length=200, verbose_name='other body')),
                        ('purpose', models.CharField(choices=[('adviseren', 'advise'), ('bespreken', 'discuss'), ('vaststellen', 'adopt'), ('kennisnemen', 'take note'), ('motie', 'motion adopted')], max_length=20, verbose_name='purpose')),
                        ('conclusion', models.TextField(blank=True, max_length=1000, verbose_name='conclusion')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('agenda', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='agenda.agenda', verbose_name='agenda')),
                        ('body', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.body', verbose_name='body')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical decision step',
                        'verbose_name_plural': 'historical decision steps',
                        'db_table': 'governance_historicaldecisionstep',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalPerson',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('is_public', models.BooleanField(default=False, help_text="Tick for members of administrative bodies (wethouders, bestuurders, directors representing their organisation, the body's secretary): their name is public. Civil servants and staff in tactical bodies are shown to logged-in users only.", verbose_name='public office-holder or representative')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.organisation', verbose_name='organisation')),
                        ('region', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.region', verbose_name='region')),
                    ],
                    options={
                        'verbose_name': 'historical person',
                        'verbose_name_plural': 'historical people',
                        'db_table': 'governance_historicalperson',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Person',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('is_public', models.BooleanField(default=False, help_text="Tick for members of administrative bodies (wethouders, bestuurders, directors representing their organisation, the body's secretary): their name is public. Civil servants and staff in tactical bodies are shown to logged-in users only.", verbose_name='public office-holder or representative')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='people', to='governance.organisation', verbose_name='organisation')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='people', to='governance.region', verbose_name='region')),
                    ],
                    options={
                        'verbose_name': 'person',
                        'verbose_name_plural': 'people',
                        'db_table': 'governance_person',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalPersonAlias',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='spelling')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.person', verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'historical other spelling of a name',
                        'verbose_name_plural': 'historical other spellings of names',
                        'db_table': 'governance_historicalpersonalias',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='PersonAlias',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='spelling')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='aliases', to='bodies.person', verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'other spelling of a name',
                        'verbose_name_plural': 'other spellings of names',
                        'db_table': 'governance_personalias',
                        'ordering': ['person', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='Membership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('person_removed', models.BooleanField(default=False, editable=False, verbose_name='person removed')),
                        ('seat_label', models.CharField(blank=True, help_text="For a seat without a person: 'naam volgt', 'Team Economie en Toerisme'.", max_length=500, verbose_name='organisation seat')),
                        ('side', models.CharField(choices=[('gemeenten', 'municipalities'), ('andere', 'other parties')], max_length=20, verbose_name='side')),
                        ('role', models.CharField(choices=[('voorzitter', 'chair'), ('secretaris', 'secretary'), ('lid', 'member')], default='lid', max_length=20, verbose_name='role')),
                        ('affiliation', models.CharField(blank=True, help_text="Printed in parentheses: 'UWV', 'Heemstede', 'Projectleider Arbeidsmarkt'.", max_length=200, verbose_name='affiliation as written')),
                        ('note', models.CharField(blank=True, help_text="Printed in parentheses, e.g. '?'.", max_length=200, verbose_name='note')),
                        ('since', models.DateField(blank=True, null=True, verbose_name='since')),
                        ('until', models.DateField(blank=True, null=True, verbose_name='until')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('joiner', models.CharField(choices=[('comma', 'comma (, )'), ('and', "'en'"), ('sentence', 'full stop (. )'), ('space', 'space only')], default='comma', max_length=20, verbose_name='joined to the previous seat by')),
                        ('is_prospective', models.BooleanField(default=False, help_text='Joins when the body is extended; printed in parentheses.', verbose_name='prospective')),
                        ('trailing_text', models.CharField(blank=True, help_text="Stray punctuation kept from the source, such as ')'.", max_length=5, verbose_name='punctuation after the seat')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='bodies.body', verbose_name='body')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='memberships', to='governance.organisation', verbose_name='organisation represented')),
                        ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='memberships', to='bodies.person', verbose_name='person')),
                        ('alias', models.ForeignKey(blank=True, help_text="Leave empty to print the person's name.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='memberships', to='bodies.personalias', verbose_name='spelling used')),
                    ],
                    options={
                        'verbose_name': 'membership',
                        'verbose_name_plural': 'memberships',
                        'db_table': 'governance_membership',
                        'ordering': ['body', 'side', 'order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalMembership',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('person_removed', models.BooleanField(default=False, editable=False, verbose_name='person removed')),
                        ('seat_label', models.CharField(blank=True, help_text="For a seat without a person: 'naam volgt', 'Team Economie en Toerisme'.", max_length=500, verbose_name='organisation seat')),
                        ('side', models.CharField(choices=[('gemeenten', 'municipalities'), ('andere', 'other parties')], max_length=20, verbose_name='side')),
                        ('role', models.CharField(choices=[('voorzitter', 'chair'), ('secretaris', 'secretary'), ('lid', 'member')], default='lid', max_length=20, verbose_name='role')),
                        ('affiliation', models.CharField(blank=True, help_text="Printed in parentheses: 'UWV', 'Heemstede', 'Projectleider Arbeidsmarkt'.", max_length=200, verbose_name='affiliation as written')),
                        ('note', models.CharField(blank=True, help_text="Printed in parentheses, e.g. '?'.", max_length=200, verbose_name='note')),
                        ('since', models.DateField(blank=True, null=True, verbose_name='since')),
                        ('until', models.DateField(blank=True, null=True, verbose_name='until')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('joiner', models.CharField(choices=[('comma', 'comma (, )'), ('and', "'en'"), ('sentence', 'full stop (. )'), ('space', 'space only')], default='comma', max_length=20, verbose_name='joined to the previous seat by')),
                        ('is_prospective', models.BooleanField(default=False, help_text='Joins when the body is extended; printed in parentheses.', verbose_name='prospective')),
                        ('trailing_text', models.CharField(blank=True, help_text="Stray punctuation kept from the source, such as ')'.", max_length=5, verbose_name='punctuation after the seat')),
                        ('source_note', models.TextField(blank=True, max_length=1000, verbose_name='source')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('body', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.body', verbose_name='body')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.organisation', verbose_name='organisation represented')),
                        ('person', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.person', verbose_name='person')),
                        ('alias', models.ForeignKey(blank=True, db_constraint=False, help_text="Leave empty to print the person's name.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='bodies.personalias', verbose_name='spelling used')),
                    ],
                    options={
                        'verbose_name': 'historical membership',
                        'verbose_name_plural': 'historical memberships',
                        'db_table': 'governance_historicalmembership',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='body',
                    constraint=models.UniqueConstraint(fields=('region', 'name'), name='body_unique_name', violation_error_message='This region already has a body with this name.'),
                ),
                migrations.AddConstraint(
                    model_name='bodypillar',
                    constraint=models.UniqueConstraint(fields=('body', 'pillar'), name='bodypillar_unique', violation_error_message='This body already has a mark for this top level.'),
                ),
                migrations.AddConstraint(
                    model_name='consultationinput',
                    constraint=models.CheckConstraint(condition=models.Q(('round__gte', 1)), name='consultation_round_positive', violation_error_message='A round is numbered 1 or higher.'),
                ),
                migrations.AddConstraint(
                    model_name='decisionstep',
                    constraint=models.UniqueConstraint(fields=('agenda', 'order'), name='decisionstep_unique_order', violation_error_message='The route already has a step with this number.'),
                ),
                migrations.AddConstraint(
                    model_name='decisionstep',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('body__isnull', False), ('body_text', '')), models.Q(('body__isnull', True), models.Q(('body_text', ''), _negated=True)), _connector='OR'), name='decisionstep_body_xor_text', violation_error_message='Choose a body or type one, not both.'),
                ),
                migrations.AddConstraint(
                    model_name='decisionstep',
                    constraint=models.CheckConstraint(condition=models.Q(('date_until__isnull', True), models.Q(('date__isnull', False), ('date_until__gte', models.F('date'))), _connector='OR'), name='decisionstep_period_in_order', violation_error_message='The end of the period cannot be before its start.'),
                ),
                migrations.AddConstraint(
                    model_name='personalias',
                    constraint=models.UniqueConstraint(fields=('person', 'name'), name='personalias_unique', violation_error_message='This person already has this spelling.'),
                ),
                migrations.AddConstraint(
                    model_name='membership',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('person__isnull', False), ('person_removed', False), ('seat_label', '')), models.Q(('person__isnull', True), ('person_removed', True), ('seat_label', '')), models.Q(('person__isnull', True), ('person_removed', False), models.Q(('seat_label', ''), _negated=True)), _connector='OR'), name='membership_person_or_seat', violation_error_message='Give a person or an organisation seat.'),
                ),
                migrations.AddConstraint(
                    model_name='membership',
                    constraint=models.CheckConstraint(condition=models.Q(('since__isnull', True), ('until__isnull', True), ('until__gte', models.F('since')), _connector='OR'), name='membership_until_after_since', violation_error_message='The end date cannot be before the start date.'),
                ),
                migrations.AddConstraint(
                    model_name='membership',
                    constraint=models.CheckConstraint(condition=models.Q(('alias__isnull', True), ('person__isnull', False), _connector='OR'), name='membership_alias_needs_person', violation_error_message='A spelling belongs to a person: choose the person too.'),
                ),
                migrations.AddConstraint(
                    model_name='membership',
                    constraint=models.UniqueConstraint(condition=models.Q(('role', 'voorzitter'), ('until__isnull', True)), fields=('body',), name='membership_one_current_chair', violation_error_message='This body already has a current chair.'),
                ),
                migrations.AddConstraint(
                    model_name='membership',
                    constraint=models.UniqueConstraint(fields=('body', 'side', 'order'), name='membership_unique_order', violation_error_message='This body already has a seat at this place on this side.'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
