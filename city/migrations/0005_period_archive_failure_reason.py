"""The period's ZIP becomes a job with the PDF's rules (wards.jobs): the failure as a code with its detail
apart, and the times it started and ended. The old free-text failure is kept as the detail."""

from django.db import migrations, models


def reason_of_old_failures(apps, schema_editor):
    PeriodArchive = apps.get_model("city", "PeriodArchive")
    PeriodArchive.objects.filter(status="failed", failure="").update(failure="error")


class Migration(migrations.Migration):
    dependencies = [
        ("city", "0004_period_archive"),
    ]

    operations = [
        migrations.RenameField(model_name="periodarchive", old_name="failure", new_name="failure_detail"),
        migrations.AlterField(
            model_name="periodarchive",
            name="failure_detail",
            field=models.TextField(blank=True, verbose_name="failure detail"),
        ),
        migrations.AddField(
            model_name="periodarchive",
            name="failure",
            field=models.CharField(
                blank=True,
                choices=[
                    ("stale", "the worker stopped"),
                    ("error", "error while packing"),
                    ("storage", "the file could not be stored"),
                    ("queue", "the job queue could not be reached"),
                ],
                max_length=20,
                verbose_name="failure",
            ),
        ),
        migrations.AddField(
            model_name="periodarchive",
            name="started_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="started at"),
        ),
        migrations.AddField(
            model_name="periodarchive",
            name="finished_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="finished at"),
        ),
        migrations.RunPython(reason_of_old_failures, migrations.RunPython.noop),
    ]
