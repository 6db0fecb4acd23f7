from django.db import migrations


class Migration(migrations.Migration):
    """The tables take the app's name (nominations_submission → submissions_submission,
    nominations_submissionitem → submissions_submissionitem); constraints keep their
    explicit names."""

    dependencies = [
        ("submissions", "0001_initial"),
        ("nominations", "0005_submissions_move_to_their_app"),
    ]

    operations = [
        migrations.AlterModelTable(name="submission", table=None),
        migrations.AlterModelTable(name="submissionitem", table=None),
    ]
