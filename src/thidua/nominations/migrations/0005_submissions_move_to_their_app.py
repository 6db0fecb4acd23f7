from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("nominations", "0004_achievement_report"),
        ("submissions", "0001_initial"),
    ]

    # The tờ trình models now live in the submissions app (its 0001 took the tables
    # over); only the migration state forgets them here.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="submissionitem", name="submission"),
                migrations.RemoveField(model_name="submissionitem", name="nomination"),
                migrations.RemoveField(model_name="submissionitem", name="source"),
                migrations.DeleteModel(name="Submission"),
                migrations.DeleteModel(name="SubmissionItem"),
            ],
        ),
    ]
